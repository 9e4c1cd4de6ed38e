import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../deps.js";
import { loadDigestFacts, type DigestReason as Reason } from "../services/digest.js";
import { postSoon } from "./post.js";
import type { MessageContent } from "./views/block-kit.js";
import { buildDigest } from "./views/digest-view.js";

/** Why a digest is posted: its weekly slot came (`scheduled`), or someone ran `/intplan digest` (`asked`). */
export type DigestReason = Reason;

export interface DigestPosted {
  channel: string;
  ts: string | undefined;
}

interface DigestArgs {
  now: Date;
  reason: DigestReason;
  actorId: string;
}

/**
 * A project's digest as of `now`, ready to post (or to show privately when the channel would not take it),
 * and its channel; undefined when the project is gone.
 */
export async function projectDigest(
  deps: AppDeps,
  projectId: number,
  args: DigestArgs,
): Promise<{ channel: string; content: MessageContent } | undefined> {
  const facts = await loadDigestFacts(deps, projectId, args);
  return facts ? { channel: facts.board.project.channelId, content: buildDigest(facts) } : undefined;
}

/**
 * Posts a project's weekly digest in its channel: what changed in the week before `now`, progress per phase,
 * open and stale blockers, who owes what, the next milestone and whether the plan still meets the go-live.
 * One top-level message that mentions nobody. Records nothing: when the weekly digest is next due is the
 * reminders job's to keep, so a digest asked for with `/intplan digest` leaves the weekly one as it was.
 * Undefined when the project is gone. Throws what Slack throws (the outbox retries a scheduled one; the
 * command tells the person).
 */
export async function postDigest(
  client: WebClient,
  deps: AppDeps,
  args: { projectId: number; now: Date; reason: DigestReason; actorId: string },
): Promise<DigestPosted | undefined> {
  const digest = await projectDigest(deps, args.projectId, args);
  if (!digest) return undefined;
  const ts = await postSoon(client, { channel: digest.channel, ...digest.content });
  return { channel: digest.channel, ts };
}
