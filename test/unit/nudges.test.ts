import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage, validateView } from "../../emulator/block-kit-limits.js";
import { addBlocker } from "../../src/db/blocker-store.js";
import { findNudge, recordNudgeSent } from "../../src/db/nudge-store.js";
import { auditLog, outbox } from "../../src/db/schema.js";
import { nudgeKey } from "../../src/domain/reminders/nudges.js";
import { dismissNudge, snoozeNudge } from "../../src/services/nudges-service.js";
import {
  buildNudgeMessage,
  buildNudgePhaseModal,
  buildNudgeSettled,
  type NudgeMessageInput,
} from "../../src/slack/views/nudge-messages.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const DAY = 24 * 60 * 60 * 1000;
const project = { id: 7, name: "Acme order sync", clientName: "Acme Outdoor Co.", channelId: "C0PROJECT" };
const blockerSubject = (ownerId: string | null): NudgeMessageInput["subject"] => ({
  kind: "blocker",
  blockerNumber: 3,
  text: "Sandbox credentials <for> QBO & the *keys*",
  openedAt: T0,
  workingDaysOpen: 4,
  ownerId,
});
const shown = (content: { blocks: unknown[] }) => JSON.stringify(content.blocks);

describe("the nudge's message", () => {
  it("tells the owner what waits, with Resolve, the three snoozes and Dismiss, within Slack's limits", () => {
    const content = buildNudgeMessage({
      nudgeId: 12,
      project,
      subject: blockerSubject("U0DEV"),
      addressee: "owner",
    });
    expect(validateMessage(content)).toEqual([]);
    expect(content.text).toBe(
      "Blocker #3 has been open for 4 working days: Sandbox credentials &lt;for&gt; QBO &amp; the *keys*",
    );
    expect(shown(content)).toContain("<@U0DEV>, you own this blocker.");
    const buttons = (content.blocks[1] as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((b) => b.action_id)).toEqual([
      "nudge_resolve_blocker",
      "nudge_snooze_1",
      "nudge_snooze_3",
      "nudge_snooze_7",
      "nudge_dismiss",
    ]);
    expect(new Set(buttons.map((b) => b.value))).toEqual(new Set(["7:12"]));
    expect(shown(content)).not.toMatch(/<!channel>|<!here>|<!everyone>/);
  });

  it("to the channel, for an item with no owner: anyone can act, and nobody is mentioned", () => {
    const content = buildNudgeMessage({
      nudgeId: 1,
      project,
      subject: blockerSubject(null),
      addressee: "channel",
    });
    expect(shown(content)).toContain("has no owner: anyone in the channel can act on it");
    expect(shown(content)).not.toMatch(/<@U|<!/);
  });

  it("a phase past its end offers Update status; an ask names who asked, when, and offers Answer now", () => {
    const phase = buildNudgeMessage({
      nudgeId: 2,
      project,
      subject: {
        kind: "phase",
        phaseNumber: 4,
        phaseName: "Development",
        plannedEnd: "2026-12-04",
        status: "in-progress",
        ownerId: "U0LEAD",
      },
      addressee: "owner",
    });
    expect(phase.text).toBe("4. Development was planned to end on Fri 4 Dec and is still in progress.");
    expect(shown(phase)).toContain('"action_id":"nudge_update_phase"');
    const ask = buildNudgeMessage({
      nudgeId: 3,
      project,
      subject: {
        kind: "ask",
        personId: "U0DANA",
        sections: [
          { id: "security", label: "5. Security" },
          { id: "go_live", label: "7. Go-live" },
        ],
        askedAt: new Date("2026-11-30T09:00:00Z"),
        askedBy: "U0PM",
      },
      addressee: "owner",
    });
    expect(ask.text).toBe("<@U0PM> asked you on Mon 30 Nov to answer sections 5. Security and 7. Go-live.");
    expect(shown(ask)).toContain('"action_id":"nudge_answer_ask"');
    expect(validateMessage(ask)).toEqual([]);
  });

  it("once settled it keeps what it was about and drops the buttons; the Update status modal fits Slack's limits", () => {
    const settled = buildNudgeSettled({
      original: { text: "Blocker #3", mrkdwn: "Blocker #3 has been open" },
      settled: {
        kind: "snoozed",
        until: new Date("2026-12-04T10:00:00Z"),
        timeZone: "Europe/Berlin",
        by: "U0DEV",
      },
    });
    expect(shown(settled)).toContain("Snoozed until Fri 4 Dec by <@U0DEV>");
    expect(shown(settled)).not.toContain("nudge_");
    expect(validateMessage(settled)).toEqual([]);
    const modal = buildNudgePhaseModal({
      projectId: 1,
      nudgeId: 2,
      phaseNumber: 4,
      status: "in-progress",
      projectName: "Acme",
      channelId: "D0DM",
      messageTs: "1.2",
    });
    expect(validateView(modal)).toEqual([]);
  });
});

describe("snoozing and dismissing a nudge", () => {
  let p: ProjectDb;
  let now: Date;
  const deps = () => ({ db: p.db, clock: () => now, timing: { refreshDelayMs: 0 } });
  const inDm = { teamId: "T0TEAM", channelId: "D0DEV" };
  beforeEach(() => {
    p = openProjectDb();
    now = T0;
  });
  afterEach(() => p.close());

  function sentNudge() {
    const row = p.project;
    const { blocker } = addBlocker(p.db, {
      projectId: row.id,
      input: { text: "Keys", ownerId: "U0DEV", waitingOnClient: false },
      actorId: "U0PM",
      at: T0,
      timing: undefined,
    });
    const id = recordNudgeSent(p.db, {
      projectId: row.id,
      kind: "blocker",
      itemKey: nudgeKey.blocker(blocker.id, blocker.createdAt),
      recipientId: "U0DEV",
      at: T0,
    });
    p.db.delete(outbox).run();
    return { projectId: row.id, nudgeId: id };
  }

  it("a snooze saves the row, its audit and the board's refresh together; pressed at once again it is one", () => {
    const ids = sentNudge();
    const outcome = snoozeNudge(deps(), { ...ids, userId: "U0DEV", place: inDm, days: 3 });
    expect(outcome).toMatchObject({ kind: "snoozed", until: new Date(T0.getTime() + 3 * DAY) });
    expect(findNudge(p.db, ids.nudgeId)).toMatchObject({ state: "snoozed", changedBy: "U0DEV" });
    expect(
      p.db
        .select()
        .from(outbox)
        .all()
        .map((j) => j.job),
    ).toEqual(expect.arrayContaining(["refresh-status-board", "reminders"]));
    now = new Date(T0.getTime() + 2_000);
    expect(snoozeNudge(deps(), { ...ids, userId: "U0DEV", place: inDm, days: 3 }).kind).toBe(
      "already-snoozed",
    );
    expect(
      p.db
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action === "nudge.snoozed"),
    ).toHaveLength(1);
  });

  it("a failed write leaves nothing behind: no row change, no audit, no refresh", () => {
    const ids = sentNudge();
    const failing = { ...deps(), clock: () => new Date(Number.NaN) };
    expect(() => snoozeNudge(failing, { ...ids, userId: "U0DEV", place: inDm, days: 1 })).toThrow();
    expect(findNudge(p.db, ids.nudgeId)?.state).toBe("sent");
    expect(
      p.db
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action.startsWith("nudge.")),
    ).toHaveLength(0);
    expect(p.db.select().from(outbox).all()).toHaveLength(0);
  });

  it("someone else's DM button, or another project's, changes nothing", () => {
    const ids = sentNudge();
    expect(
      dismissNudge(deps(), { ...ids, userId: "U0EVE", place: { teamId: "T0TEAM", channelId: "D0EVE" } }),
    ).toEqual({
      kind: "not-yours",
      recipientId: "U0DEV",
    });
    expect(
      dismissNudge(deps(), { ...ids, projectId: ids.projectId + 1, userId: "U0DEV", place: inDm }),
    ).toEqual({
      kind: "gone",
    });
    // In the project's channel anyone may act on it.
    expect(
      dismissNudge(deps(), { ...ids, userId: "U0EVE", place: { teamId: "T0TEAM", channelId: "C0PROJECT" } })
        .kind,
    ).toBe("dismissed");
    expect(findNudge(p.db, ids.nudgeId)?.state).toBe("dismissed");
  });
});
