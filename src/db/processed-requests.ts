import { inArray, lt, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { perDatabase } from "./prepared.js";
import { processedRequests } from "./schema.js";

const statements = perDatabase((db) => ({
  claim: db
    .insert(processedRequests)
    .values({ key: sql.placeholder("key"), at: sql.placeholder("at") })
    .onConflictDoNothing()
    .prepare(),
}));

class SeenBefore extends Error {}

/**
 * Claims a request by its keys: true the first time, false when any key was seen before (a replay, an
 * event Slack retried, a view submitted twice). One prepared insert per key, all or none: a key already
 * there inserts nothing, and the claim is rolled back. Keys are remembered for a day.
 */
export function claimRequest(db: Db, keys: readonly string[], at: Date): boolean {
  const { claim } = statements(db);
  // One key is one statement, atomic on its own; several must be claimed all or none.
  if (keys.length === 1) return claim.run({ key: keys[0], at }).changes === 1;
  try {
    db.transaction(() => {
      for (const key of keys) {
        if (claim.run({ key, at }).changes === 0) throw new SeenBefore();
      }
    });
    return true;
  } catch (error) {
    if (error instanceof SeenBefore) return false;
    throw error;
  }
}

export function forgetProcessedBefore(db: Db, before: Date): void {
  db.delete(processedRequests).where(lt(processedRequests.at, before)).run();
}

/** Forgets one claimed key, so a request with it is handled again (a form answered with errors). */
/** Forgets claimed keys, so the same request is handled again when it comes back. */
export function forgetRequests(db: Db, keys: readonly string[]): void {
  if (keys.length > 0)
    db.delete(processedRequests)
      .where(inArray(processedRequests.key, [...keys]))
      .run();
}
