import type { Context } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { requestKeys } from "../../src/slack/dedupe.js";

const submission = (values: unknown, hash = "h1") => ({
  type: "view_submission",
  view: { id: "V1", hash, state: { values } },
});
const context = (signature: string) => ({ requestSignature: signature }) as unknown as Context;
const viewKeyOf = (body: unknown) =>
  requestKeys(body, context("v0=abc")).find((key) => key.startsWith("view:"));

describe("what makes a view submission a repeat", () => {
  const dated = (date: string) => ({ target_go_live: { target_go_live: { selected_date: date } } });

  it("the same view, hash and state is the same submission", () => {
    expect(viewKeyOf(submission(dated("2027-02-01")))).toBe(viewKeyOf(submission(dated("2027-02-01"))));
  });

  it("the same view and hash with corrected state is a new submission (Slack keeps the hash after errors)", () => {
    expect(viewKeyOf(submission(dated("2026-11-01")))).not.toBe(viewKeyOf(submission(dated("2027-02-01"))));
  });

  it("a new hash is a new submission", () => {
    expect(viewKeyOf(submission({}, "h1"))).not.toBe(viewKeyOf(submission({}, "h2")));
  });

  it("keeps the signature and event keys", () => {
    expect(requestKeys({ event_id: "Ev1" }, context("v0=abc"))).toEqual(["sig:v0=abc", "event:Ev1"]);
  });
});
