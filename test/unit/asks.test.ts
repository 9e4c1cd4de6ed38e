import type { ViewOutput } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateValues } from "../../emulator/signed-client.js";
import { auditLog } from "../../src/db/schema.js";
import { askPerson, cancelAsks, closeAsksOnSave, waitingOn } from "../../src/services/asks-service.js";
import { interviewOf, keepSectionInput } from "../../src/services/discovery-interview.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";
import { readSectionState } from "../../src/slack/views/interview-view.js";
import { partialSectionState, sectionState } from "../support/interview.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const DAY = 24 * 60 * 60 * 1000;

describe("asks: who owes which sections, and when an ask closes", () => {
  let p: ProjectDb;
  let now: Date;
  const deps = () => ({ db: p.db, clock: () => now, timing: { refreshDelayMs: 0 } });
  beforeEach(() => {
    p = openProjectDb();
    now = T0;
  });
  afterEach(() => p.close());

  const ctx = () => interviewOf(p.project);
  const section = (index: number) => {
    const s = ctx().questionnaire.sections[index];
    if (!s) throw new Error(`no section ${index}`);
    return s;
  };
  /** Someone presses Next on a section with what `values` holds; then the asks it answers close. */
  function save(index: number, actorId: string, state: StateValues) {
    // Slack's view state, as the emulator's helpers build it.
    const values = state as unknown as ViewOutput["state"]["values"];
    const { errors } = keepSectionInput(deps(), ctx(), {
      sectionIndex: index,
      shownDigests: undefined,
      raw: readSectionState(section(index), values),
      actorId,
      submit: true,
      isPersonId: isSlackUserId,
    });
    return Object.keys(errors).length > 0
      ? "errors"
      : closeAsksOnSave(deps(), { ctx: ctx(), sectionIndex: index, actorId });
  }
  const ask = (personId: string, indexes: number[]) =>
    askPerson(deps(), {
      project: p.project,
      personId,
      sectionIds: indexes.map((i) => section(i).id),
      note: null,
      actorId: "U0PM",
    });

  it("groups a person's sections on one entry, in questionnaire order, since their oldest ask", () => {
    ask("U0DANA", [7]);
    now = new Date(T0.getTime() + DAY);
    ask("U0DANA", [4]);
    ask("U0SAM", [0]);
    expect(waitingOn(deps(), p.project)).toEqual([
      {
        personId: "U0DANA",
        sections: [expect.objectContaining({ index: 4 }), expect.objectContaining({ index: 7 })],
        since: T0,
      },
      {
        personId: "U0SAM",
        sections: [expect.objectContaining({ index: 0, label: "1. Current state and pain points" })],
        since: now,
      },
    ]);
  });

  it("does not ask twice for a section still owed", () => {
    ask("U0DANA", [4]);
    const again = ask("U0DANA", [4, 7]);
    expect(again.added.map((a) => a.sectionId)).toEqual([section(7).id]);
    expect(again.alreadyOpen.map((a) => a.sectionId)).toEqual([section(4).id]);
  });

  it("the person asked saving the section closes their ask, even with required answers still missing", () => {
    ask("U0DANA", [4]);
    ask("U0SAM", [4]);
    const first = section(4).questions[0];
    const closed = save(
      4,
      "U0DANA",
      partialSectionState(section(4), {
        [first?.id ?? ""]: { type: "plain_text_input", value: "OAuth 2.0" },
      }),
    );
    expect(closed).toEqual([
      expect.objectContaining({ personId: "U0DANA", closedReason: "answered", closedBy: "U0DANA" }),
    ]);
    expect(waitingOn(deps(), p.project).map((w) => w.personId)).toEqual(["U0SAM"]);
  });

  it("someone else's save closes the asks only when it leaves the section's required questions all answered", () => {
    ask("U0DANA", [0]);
    // The PM answers one question of section 1 (it has two required): Dana still owes it.
    const one = section(0).questions.find((q) => q.required);
    const partial = save(
      0,
      "U0PM",
      partialSectionState(section(0), {
        [one?.id ?? ""]: sectionState(section(0))[one?.id ?? ""]?.[one?.id ?? ""] ?? {},
      }),
    );
    expect(partial === "errors" ? [] : partial).toEqual([]);
    expect(waitingOn(deps(), p.project)).toHaveLength(1);
    // A save that completes it answers every ask for it.
    const closed = save(0, "U0PM", sectionState(section(0)));
    expect(closed).toEqual([
      expect.objectContaining({ personId: "U0DANA", closedReason: "answered", closedBy: "U0PM" }),
    ]);
    expect(waitingOn(deps(), p.project)).toEqual([]);
  });

  it("cancelling writes one audit row per person and closes only what was named", () => {
    ask("U0DANA", [4, 7]);
    ask("U0SAM", [0]);
    const before = p.db.select().from(auditLog).all().length;
    const closed = cancelAsks(deps(), {
      project: p.project,
      personId: "U0DANA",
      sectionIds: [section(7).id],
      actorId: "U0PM",
    });
    expect(closed.map((a) => a.sectionId)).toEqual([section(7).id]);
    expect(cancelAsks(deps(), { project: p.project, actorId: "U0PM" })).toHaveLength(2);
    const rows = p.db.select().from(auditLog).all().slice(before);
    expect(rows.map((r) => [r.action, (r.details as { person: string }).person])).toEqual([
      ["ask.cancelled", "U0DANA"],
      ["ask.cancelled", "U0DANA"],
      ["ask.cancelled", "U0SAM"],
    ]);
  });
});
