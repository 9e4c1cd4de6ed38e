import type { LiveBlocker } from "../../domain/project-state.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long something has been open, the way people say it: "just now", "40m", "5h", "3d", "2w". */
export function formatAge(since: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - since.getTime());
  if (ms < MINUTE) return "just now";
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h`;
  if (ms < 14 * DAY) return `${Math.floor(ms / DAY)}d`;
  return `${Math.floor(ms / (7 * DAY))}w`;
}

/** Only links Slack itself gave us (a permalink) become links; they never carry typed text. */
const safePermalink = (url: string | null) => (url && /^https:\/\/[^\s<>|]+$/.test(url) ? url : null);

const blockerFacts = (blocker: LiveBlocker): string[] => {
  const link = safePermalink(blocker.sourcePermalink);
  return [
    blocker.ownerId ? mention(blocker.ownerId) : "no owner",
    ...(blocker.waitingOnClient ? ["waiting on client"] : []),
    ...(link ? [`<${link}|message>`] : []),
  ];
};

const blockerTitle = (blocker: LiveBlocker) => `*#${blocker.number}* ${escapeMrkdwn(blocker.text)}`;

/** A blocker on one line: number, text, owner, whether the client holds it, and its message. */
export const blockerSummary = (blocker: LiveBlocker): string =>
  [blockerTitle(blocker), ...blockerFacts(blocker)].join(" · ");

/** An open blocker on one line, with how long it has been open. */
export const blockerLine = (blocker: LiveBlocker, now: Date): string =>
  [blockerTitle(blocker), formatAge(blocker.createdAt, now), ...blockerFacts(blocker)].join(" · ");

/** "1 open blocker", "3 open blockers". */
export const openBlockerCount = (n: number): string =>
  n === 0 ? "no open blockers" : n === 1 ? "1 open blocker" : `${n} open blockers`;
