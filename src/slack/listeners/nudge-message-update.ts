import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import { projectTimeZone, reminderSettingsOf } from "../../services/reminder-settings.js";
import { slackErrorCode } from "../slack-error-code.js";
import { buildNudgeSettled, type NudgeSettlement } from "../views/nudge-messages.js";

/** What a nudge's message showed, as the button's payload carries it. */
export interface ShownNudge {
  channelId: string;
  ts: string;
  text: string;
  /** The first section's mrkdwn, kept as it was shown. */
  mrkdwn?: string;
}

interface MessageBody {
  container?: { channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
  message?: { text?: string; blocks?: { type?: string; text?: { text?: string } }[] };
}

/** The message a nudge's button is on (not an ephemeral copy: only a real message can be edited). */
export function shownNudgeOf(body: MessageBody): ShownNudge | undefined {
  const channelId = body.container?.channel_id;
  const ts = body.container?.message_ts;
  if (!channelId || !ts || body.container?.is_ephemeral) return undefined;
  const first = body.message?.blocks?.find((b) => b.type === "section")?.text?.text;
  return { channelId, ts, text: body.message?.text ?? "", ...(first ? { mrkdwn: first } : {}) };
}

/** A snooze's day is told in the project's time zone (its settings', else the PM's). */
export async function snoozeSettlement(
  deps: Pick<AppDeps, "db" | "people">,
  args: { project: ProjectRow; until: Date; by: string },
): Promise<Extract<NudgeSettlement, { kind: "snoozed" }>> {
  const timeZone = await projectTimeZone(deps, args.project, reminderSettingsOf(deps, args.project.id));
  return { kind: "snoozed", until: args.until, timeZone, by: args.by };
}

/**
 * Edits the nudge's message in place (chat.update, which works for the bot's own messages in a DM as in a
 * channel, and sends no new notification) to say how it was settled, without its buttons. The change is
 * already saved: when Slack refuses the edit, the person is told so, and the buttons left behind change
 * nothing twice.
 */
export async function settleNudgeMessage(
  client: WebClient,
  deps: Pick<AppDeps, "logger">,
  args: { shown: ShownNudge | undefined; settled: NudgeSettlement; respond?: RespondFn },
): Promise<void> {
  const { shown } = args;
  if (!shown) return;
  const content = buildNudgeSettled({ original: shown, settled: args.settled });
  try {
    await client.chat.update({ channel: shown.channelId, ts: shown.ts, ...content });
  } catch (error) {
    deps.logger.warn(`chat.update of a nudge failed (${slackErrorCode(error) ?? "network"})`);
    try {
      await args.respond?.({ replace_original: true, ...content });
    } catch (again) {
      deps.logger.warn("Could not replace a nudge's message either:", again);
    }
  }
}
