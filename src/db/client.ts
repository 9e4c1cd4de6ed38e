import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema>;
/** A database handle or a transaction on it: query modules accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface OpenDatabase {
  db: Db;
  /** True when the database answers a trivial query. */
  ping(): boolean;
  close(): void;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Turns DATABASE_URL (a path, `file:` URL, or `:memory:`) into what better-sqlite3 opens. */
export function sqlitePathFrom(databaseUrl: string): string {
  if (databaseUrl === ":memory:" || databaseUrl === "file::memory:") return ":memory:";
  if (databaseUrl.startsWith("file://")) return fileURLToPath(databaseUrl);
  if (databaseUrl.startsWith("file:")) return databaseUrl.slice("file:".length).split("?")[0] ?? "";
  return databaseUrl;
}

/** Opens SQLite (creating its folder), turns on WAL and foreign keys, and applies the committed migrations. */
export function openDatabase(databaseUrl: string): OpenDatabase {
  const path = sqlitePathFrom(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    ping: () => {
      try {
        return sqlite.prepare("select 1 as ok").get() !== undefined;
      } catch {
        return false;
      }
    },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
