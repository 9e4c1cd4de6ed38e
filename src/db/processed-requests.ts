import { inArray, lt } from "drizzle-orm";
import type { Db } from "./client.js";
import { processedRequests } from "./schema.js";

/**
 * Claims a request by its keys: true the first time, false when any key was seen before (a replay, an
 * event Slack retried, a view submitted twice). Keys are remembered for a day.
 */
export function claimRequest(db: Db, keys: readonly string[], at: Date): boolean {
  return db.transaction((tx) => {
    const seen = tx
      .select()
      .from(processedRequests)
      .where(inArray(processedRequests.key, [...keys]))
      .all();
    if (seen.length > 0) return false;
    tx.insert(processedRequests)
      .values(keys.map((key) => ({ key, at })))
      .run();
    return true;
  });
}

export function forgetProcessedBefore(db: Db, before: Date): void {
  db.delete(processedRequests).where(lt(processedRequests.at, before)).run();
}
