import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../deps.js";

/** Why a digest is posted: its weekly slot came (`scheduled`), or someone ran `/intplan digest` (`asked`). */
export type DigestReason = "scheduled" | "asked";

export interface DigestPosted {
  channel: string;
  ts: string | undefined;
}

/**
 * Posts a project's weekly digest in its channel: what changed in the week before `now`, progress per phase,
 * open and stale blockers, who owes what, the next milestone and whether the plan still meets the go-live.
 * Throws what Slack throws (the outbox retries a scheduled one; the command tells the person).
 */
export async function postDigest(
  client: WebClient,
  deps: AppDeps,
  args: { projectId: number; now: Date; reason: DigestReason; actorId: string },
): Promise<DigestPosted | undefined> {
  // Stub: the digest's content is built by services/digest.ts and views/digest-view.ts (issue 16).
  void client;
  void deps;
  void args;
  return undefined;
}
