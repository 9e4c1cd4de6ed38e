import type { AppDeps } from "../deps.js";

/**
 * The narrow dependencies the use cases take: storage alone, plus the clock and timing to change
 * something (a change stamps when it happened and when its refreshes run).
 */
export type StorageDeps = Pick<AppDeps, "db">;
export type ChangeDeps = Pick<AppDeps, "db" | "clock" | "timing">;

/** Where a request comes from: the workspace, and the channel when Slack says. */
export interface Place {
  teamId: string;
  channelId: string | undefined;
}
