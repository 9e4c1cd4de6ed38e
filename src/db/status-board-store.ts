import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { statusBoards } from "./schema.js";

export type StatusBoardRow = typeof statusBoards.$inferSelect;

/** The ts a board row holds while its message is being posted; the claim lapses after a minute. */
const POSTING = "posting";
const CLAIM_LIFETIME_MS = 60_000;

export const isPosted = (board: StatusBoardRow | undefined): board is StatusBoardRow =>
  board !== undefined && board.ts !== POSTING;

const boardOf = perDatabase((db) =>
  db
    .select()
    .from(statusBoards)
    .where(eq(statusBoards.projectId, sql.placeholder("projectId")))
    .prepare(),
);

export function findStatusBoard(db: DbOrTx, projectId: number): StatusBoardRow | undefined {
  return boardOf(db).get({ projectId });
}

export type BoardClaim = { claimed: true } | { claimed: false; board: StatusBoardRow };

/**
 * Reserves the right to post a project's board, so two `/intplan status` at once post one message: the
 * first caller gets the claim, the other sees the board (or that it is being posted).
 */
export function claimStatusBoard(
  db: Db,
  args: { projectId: number; channelId: string; at: Date },
): BoardClaim {
  return db.transaction((tx) => {
    const board = findStatusBoard(tx, args.projectId);
    const lapsed = board?.ts === POSTING && args.at.getTime() - board.updatedAt.getTime() > CLAIM_LIFETIME_MS;
    if (board && !lapsed) return { claimed: false as const, board };
    tx.insert(statusBoards)
      .values({
        projectId: args.projectId,
        channelId: args.channelId,
        ts: POSTING,
        pinned: false,
        updatedAt: args.at,
      })
      .onConflictDoUpdate({
        target: statusBoards.projectId,
        set: { channelId: args.channelId, ts: POSTING, pinned: false, updatedAt: args.at, contentHash: null },
      })
      .run();
    return { claimed: true as const };
  });
}

/** Records the posted message of a claimed board. */
export function savePostedBoard(
  db: DbOrTx,
  args: { projectId: number; ts: string; at: Date; contentHash: string },
): void {
  db.update(statusBoards)
    .set({ ts: args.ts, pinned: false, updatedAt: args.at, contentHash: args.contentHash })
    .where(eq(statusBoards.projectId, args.projectId))
    .run();
}

export function markBoardPinned(db: DbOrTx, projectId: number): void {
  db.update(statusBoards).set({ pinned: true }).where(eq(statusBoards.projectId, projectId)).run();
}

/** Slack took an edit of the board: what it now shows (its hash) and when. */
export function markBoardUpdated(
  db: DbOrTx,
  projectId: number,
  args: { at: Date; contentHash: string },
): void {
  db.update(statusBoards)
    .set({ updatedAt: args.at, contentHash: args.contentHash })
    .where(eq(statusBoards.projectId, projectId))
    .run();
}

/** Forgets the board (its post failed, or Slack no longer has the message): the next post makes a new one. */
export function forgetStatusBoard(db: DbOrTx, projectId: number): void {
  db.delete(statusBoards).where(eq(statusBoards.projectId, projectId)).run();
}
