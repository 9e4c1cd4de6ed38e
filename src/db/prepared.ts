import type { DbOrTx } from "./client.js";

/**
 * Builds something from a database handle once per handle and hands back the same one after: used for
 * prepared statements, so the hot queries are neither rebuilt by drizzle nor recompiled by SQLite on every
 * request. Keyed weakly by the handle the caller passes in (no handle is held, no global database).
 */
export function perDatabase<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const built = new WeakMap<DbOrTx, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
