import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { WaitingOn } from "../../src/services/asks-service.js";
import {
  agoText,
  askButtonValue,
  BOARD_WAITING_LINES,
  readAskButtonValue,
  waitingBlocks,
  waitingLine,
} from "../../src/slack/views/ask-messages.js";

const now = new Date("2026-11-22T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const waiting = (personId: string, labels: string[], since: Date): WaitingOn => ({
  personId,
  sections: labels.map((label, index) => ({ id: `s${index}`, index, label })),
  since,
});

describe("the board's line for what a person still owes", () => {
  it("names the person, groups their sections on one line and says how long ago they were asked", () => {
    expect(waitingLine(waiting("U0DANA", ["5. Security", "7. Go-live"], ago(2 * DAY)), now)).toBe(
      "Waiting on <@U0DANA>: 5. Security, 7. Go-live, asked 2 days ago",
    );
  });

  it("escapes what a section title could hold", () => {
    expect(waitingLine(waiting("U0DANA", ["4. <Acme> & Co API"], now), now)).toContain(
      "4. &lt;Acme&gt; &amp; Co API",
    );
  });

  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [MINUTE, "1 minute ago"],
    [5 * MINUTE, "5 minutes ago"],
    [HOUR, "1 hour ago"],
    [23 * HOUR, "23 hours ago"],
    [DAY, "yesterday"],
    [2 * DAY, "2 days ago"],
    [13 * DAY, "13 days ago"],
    [21 * DAY, "3 weeks ago"],
  ])("%i ms ago reads %s", (ms, text) => {
    expect(agoText(ago(ms), now)).toBe(text);
  });

  it("shows nothing when nobody owes anything", () => {
    expect(waitingBlocks([], now)).toEqual([]);
  });

  it("caps the lines so the board stays within Block Kit's limits, and says how many more", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      waiting(`U0P${String(i).padStart(3, "0")}`, ["1. Current state", "5. Security"], ago(i * HOUR)),
    );
    const blocks = waitingBlocks(many, now);
    const text = JSON.stringify(blocks);
    expect(text.match(/Waiting on/g)).toHaveLength(BOARD_WAITING_LINES);
    expect(text).toContain(`…and ${30 - BOARD_WAITING_LINES} more: \`/intplan ask\``);
    expect(validateMessage({ text: "board", blocks })).toEqual([]);
  });
});

describe("the ask's button value", () => {
  it("carries the project and the sections, and reads back", () => {
    const value = askButtonValue(12, ["security", "go_live"]);
    expect(readAskButtonValue(value)).toEqual({ projectId: 12, sectionIds: ["security", "go_live"] });
  });

  it("refuses anything else", () => {
    for (const bad of [undefined, "", "12", "x:security", "12:Security<>"])
      expect(readAskButtonValue(bad)).toBeUndefined();
  });
});
