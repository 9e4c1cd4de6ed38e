import { eq } from "drizzle-orm";
import type { SlackRequestResult } from "../../emulator/signed-client.js";
import { webClientFor } from "../../emulator/slack-emulator-test-client.js";
import { recordNudgeSent, setNudgeMessage } from "../../src/db/nudge-store.js";
import { projects } from "../../src/db/schema.js";
import type { NudgeKind } from "../../src/domain/reminders/nudges.js";
import { buildNudgeMessage, type NudgeSubject } from "../../src/slack/views/nudge-messages.js";
import { TEST_BOT_TOKEN, type TestApp } from "./harness.js";

/**
 * A nudge as the reminders engine sends it, for the tests of its buttons: the ledger row first, then the
 * message (a DM to `recipientId`, or the project's channel when it has none), then where Slack took it.
 * Until the engine's own tests send nudges, this stands in for it; they can drop it then.
 */
export interface PostedNudge {
  nudgeId: number;
  channel: string;
  ts: string;
  blocks: { elements?: { action_id: string; value?: string; text?: { text: string } }[] }[];
}

export async function postNudgeForTest(
  t: TestApp,
  args: {
    projectId: number;
    kind: NudgeKind;
    itemKey: string;
    recipientId: string | null;
    subject: NudgeSubject;
    /** When it is sent: the app's clock, as the test set it. */
    at: Date;
  },
): Promise<PostedNudge> {
  const project = t.db.select().from(projects).where(eq(projects.id, args.projectId)).get();
  if (!project) throw new Error(`no project ${args.projectId}`);
  const nudgeId = recordNudgeSent(t.db, {
    projectId: project.id,
    kind: args.kind,
    itemKey: args.itemKey,
    recipientId: args.recipientId,
    at: args.at,
  });
  const content = buildNudgeMessage({
    nudgeId,
    project,
    subject: args.subject,
    addressee: args.recipientId ? "owner" : "channel",
  });
  const client = webClientFor(t.emulator, {}, TEST_BOT_TOKEN);
  const channel = args.recipientId
    ? String((await client.conversations.open({ users: args.recipientId })).channel?.id)
    : project.channelId;
  const posted = await client.chat.postMessage({ channel, ...content });
  const ts = String(posted.ts);
  setNudgeMessage(t.db, nudgeId, { channel, ts });
  return { nudgeId, channel, ts, blocks: content.blocks as PostedNudge["blocks"] };
}

/** The nudge's button with this action id, as the message shows it (throws when there is none). */
export function nudgeButton(nudge: PostedNudge, actionId: string) {
  const button = nudge.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  if (!button) throw new Error(`the nudge has no button ${actionId}`);
  return button;
}

/** Someone presses one of the nudge's buttons where the message is; resolves once the app is done. */
export async function pressNudgeButton(
  t: TestApp,
  nudge: PostedNudge,
  actionId: string,
  userId: string,
): Promise<SlackRequestResult> {
  const button = nudgeButton(nudge, actionId);
  const res = await t.slack.blockAction({
    actionId,
    value: button.value,
    userId,
    channelId: nudge.channel,
    blockId: `nudge_${nudge.nudgeId}`,
    messageTs: nudge.ts,
  });
  await t.idle();
  return res;
}

/** What the person who pressed a button was told privately (its response URL's new ephemeral messages). */
export const toldAfter = (t: TestApp, res: SlackRequestResult): string[] =>
  t.emulator.responses
    .filter((r) => r.url === res.responseUrl && r.effect === "new-message")
    .map((r) => String(r.body.text ?? ""));
