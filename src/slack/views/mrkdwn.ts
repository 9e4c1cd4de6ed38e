import { isSlackUserId } from "../slack-user-id.js";

/**
 * Text people typed, made safe for Slack mrkdwn: `&`, `<` and `>` are escaped so nobody can make the
 * bot ping @channel, mention someone or show a fake link. Slack documents exactly these three escapes.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A Slack user mention for an id we got from Slack itself (a users_select), never from typed text. */
export function mention(userId: string | null | undefined, fallback = "_TBD_"): string {
  return userId && isSlackUserId(userId) ? `<@${userId}>` : fallback;
}

export function channelLink(channelId: string): string {
  return /^[CG][A-Z0-9]+$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}
