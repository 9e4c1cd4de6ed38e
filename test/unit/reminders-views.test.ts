/** The go-live notice and the downtime summary: what they say, within Block Kit's limits, pinging nobody needlessly. */
import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { PlannedNudge } from "../../src/domain/reminders/plan.js";
import { buildGoLiveNotice } from "../../src/slack/views/go-live-notice.js";
import { buildRemindersSummary } from "../../src/slack/views/reminders-summary.js";

const OPENED = new Date("2026-11-27T14:00:00Z");
const blockerNudge = (number: number, ownerId: string | null): PlannedNudge => ({
  kind: "blocker",
  itemKey: `blocker:${number}@${OPENED.getTime()}`,
  recipientId: ownerId,
  sendAt: OPENED,
  blocker: { id: number, number, text: `Waiting <on> & ${number}`, ownerId, createdAt: OPENED },
  workingDaysOpen: 4,
});

describe("the downtime summary", () => {
  it("says nothing when nothing came due", () => {
    expect(
      buildRemindersSummary({
        project: { name: "Acme" },
        nudges: [],
        goLive: undefined,
        digestMissed: undefined,
        names: new Map(),
      }),
    ).toBeUndefined();
  });

  it("lists what came due in one message, naming who must act without mentioning anyone, and cuts a long list", () => {
    const nudges = Array.from({ length: 60 }, (_, i) => blockerNudge(i + 1, i === 0 ? "U0MARIA" : null));
    const summary = buildRemindersSummary({
      project: { name: "Acme <sync>" },
      nudges,
      goLive: undefined,
      digestMissed: "Monday 09:00",
      names: new Map([["U0MARIA", "Maria <M>"]]),
    });
    expect(summary).toBeDefined();
    expect(validateMessage(summary ?? { text: "", blocks: [] })).toEqual([]);
    const text = JSON.stringify(summary);
    expect(text).toContain("While I was offline");
    expect(text).toContain("*Maria &lt;M&gt;*");
    expect(text).not.toContain("<@");
    expect(text).toContain("Waiting &lt;on&gt; &amp; 1");
    expect(text).toContain("…and 40 more");
    expect(text).toContain("The weekly digest (Monday 09:00) was missed: `/intplan digest` posts it now");
    expect(text).not.toMatch(/<!channel>|<!here>/);
  });
});

describe("the go-live notice", () => {
  it("lists the open exit criteria, blockers and unanswered questions, and mentions nobody", () => {
    const notice = buildGoLiveNotice({
      project: { name: "Acme" },
      target: "2026-12-09",
      daysBefore: 7,
      open: {
        exitCriteria: [{ phaseNumber: 3, text: "UAT signed off" }],
        blockers: [{ number: 2, text: "Tax codes", ownerId: "U0MARIA" }],
        requiredMissing: 3,
      },
    });
    expect(validateMessage(notice)).toEqual([]);
    const text = JSON.stringify(notice);
    expect(notice.text).toBe(
      "Acme goes live in 7 days (2026-12-09). Still open: 1 exit criterion, 1 blocker, 3 required questions.",
    );
    expect(text).toContain("UAT signed off");
    expect(text).toContain("*#2* Tax codes");
    expect(text).not.toContain("<@");
  });

  it("says so when nothing is open", () => {
    const notice = buildGoLiveNotice({
      project: { name: "Acme" },
      target: "2026-12-09",
      daysBefore: 1,
      open: { exitCriteria: [], blockers: [], requiredMissing: 0 },
    });
    expect(notice.text).toBe("Acme goes live tomorrow (2026-12-09). Nothing is open for it.");
  });
});
