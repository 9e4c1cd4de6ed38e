import type { DbOrTx } from "./client.js";

/**
 * Builds something from a database handle once per handle and hands back the same one after: used for
 * prepared statements, so the hot queries are neither rebuilt by drizzle nor recompiled by SQLite on every
 * request. Keyed weakly by the handle the caller passes in (no handle is held, no global database).
 */
export function perDatabase<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const built = new WeakMap<object, T>();
  return (db) => {
    const key = connectionOf(db);
    let value = built.get(key);
    if (value === undefined) {
      value = build(db);
      built.set(key, value);
    }
    return value;
  };
}

/**
 * A drizzle transaction shares its database's session (one better-sqlite3 connection), so a statement
 * prepared on either runs on that connection, inside whatever transaction is open on it. Keying by the
 * session lets each transaction reuse the statements instead of preparing them again.
 */
function connectionOf(db: DbOrTx): object {
  const session = (db as unknown as { session?: unknown }).session;
  return typeof session === "object" && session !== null ? session : db;
}
