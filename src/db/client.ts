import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema>;
/** A database handle or a transaction on it: query modules accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Why the database cannot take a change right now. */
export type DatabaseProblem =
  | "full"
  | "locked"
  | "read-only"
  | "missing"
  | "replaced"
  | "unavailable"
  | "failing";

export type DatabaseHealth =
  | { writable: true }
  | { writable: false; problem: DatabaseProblem; detail: string };

/** What the app asks about the database: can it take a change now, and what a failed write says about it. */
export interface DatabaseHealthCheck {
  /** A real write (cached briefly): false when the disk is full, the file is locked, read-only or gone. */
  check(): DatabaseHealth;
  /**
   * Learns from an error a request ran into: true (and unhealthy until the next check) when it is a storage
   * error (disk full, locked, read-only, I/O), false for anything else.
   */
  observe(error: unknown): boolean;
}

export interface OpenDatabase extends DatabaseHealthCheck {
  db: Db;
  /** The better-sqlite3 connection under `db` (tests use it to fill the disk with `max_page_count`). */
  connection: Database.Database;
  close(): void;
}

export interface OpenOptions {
  /** The injected clock; the health check's cache runs on it. */
  clock?: () => Date;
  /**
   * How long a statement waits for another connection's lock before failing with SQLITE_BUSY. Kept short:
   * better-sqlite3 waits synchronously, so this long stalls every request.
   */
  busyTimeoutMs?: number;
  /** How long a health result is reused: changes consult it, so it must be cheap. */
  healthCacheMs?: number;
  /** Told when the database stops or starts taking changes. */
  onHealthChange?: (health: DatabaseHealth) => void;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 300;
export const DEFAULT_HEALTH_CACHE_MS = 1000;

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Turns DATABASE_URL (a path, `file:` URL, or `:memory:`) into what better-sqlite3 opens. */
export function sqlitePathFrom(databaseUrl: string): string {
  if (databaseUrl === ":memory:" || databaseUrl === "file::memory:") return ":memory:";
  if (databaseUrl.startsWith("file://")) return fileURLToPath(databaseUrl);
  if (databaseUrl.startsWith("file:")) return databaseUrl.slice("file:".length).split("?")[0] ?? "";
  return databaseUrl;
}

/** Thrown by the database handle while it could not be opened yet (start-up keeps retrying). */
export class DatabaseUnavailableError extends Error {
  constructor(detail: string) {
    super(`The database is not available yet: ${detail}`);
    this.name = "DatabaseUnavailableError";
  }
}

const STORAGE_CODES: Record<string, DatabaseProblem> = {
  SQLITE_FULL: "full",
  SQLITE_BUSY: "locked",
  SQLITE_LOCKED: "locked",
  SQLITE_READONLY: "read-only",
  SQLITE_CANTOPEN: "missing",
  SQLITE_IOERR: "failing",
  SQLITE_CORRUPT: "failing",
  SQLITE_NOTADB: "failing",
  SQLITE_PROTOCOL: "failing",
};

/** The storage problem an error reports, if it is one (SQLite's extended codes name their family first). */
export function storageProblemOf(error: unknown): DatabaseProblem | undefined {
  if (error instanceof DatabaseUnavailableError) return "unavailable";
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return undefined;
  const family = code.match(/^SQLITE_[A-Z]+/)?.[0] ?? code;
  return STORAGE_CODES[family];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens SQLite (creating its folder), turns on WAL and foreign keys, and applies the committed migrations.
 * Throws when that fails; `openDatabaseRetrying` keeps trying instead.
 */
export function openDatabase(databaseUrl: string, options: OpenOptions = {}): OpenDatabase {
  const path = sqlitePathFrom(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  try {
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("synchronous = NORMAL");
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const health = createHealthCheck(sqlite, path, options);
    return {
      db,
      connection: sqlite,
      ...health,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Checks that the database takes a change: the file at the configured path is still the one open (a
 * deleted folder leaves WAL writing into a file nobody will read again), a transaction can take the write
 * lock and allocate pages (rolled back), and a one-row upsert commits (a real write to the WAL).
 */
function createHealthCheck(
  sqlite: Database.Database,
  path: string,
  options: OpenOptions,
): DatabaseHealthCheck {
  const clock = options.clock ?? (() => new Date());
  const cacheMs = options.healthCacheMs ?? DEFAULT_HEALTH_CACHE_MS;
  const onDisk = path !== ":memory:";
  const opened = onDisk ? statSync(path) : undefined;
  const pageSize = Number(sqlite.pragma("page_size", { simple: true })) || 4096;
  // Two pages and a bit: the rolled-back insert needs new pages, as a change would when the file must grow.
  const filler = Buffer.alloc(pageSize * 2 + 1);
  const allocate = sqlite.prepare("insert into processed_requests (key, at) values ('health:space', ?)");
  const touch = sqlite.prepare(
    "insert into processed_requests (key, at) values ('health:probe', ?) on conflict (key) do update set at = excluded.at",
  );
  let last: DatabaseHealth = { writable: true };
  let checkedAt = Number.NEGATIVE_INFINITY;

  const record = (health: DatabaseHealth) => {
    const changed =
      health.writable !== last.writable ||
      (!health.writable && !last.writable && health.problem !== last.problem);
    last = health;
    checkedAt = clock().getTime();
    if (changed) options.onHealthChange?.(health);
    return health;
  };

  const probe = (): DatabaseHealth => {
    if (opened) {
      try {
        const now = statSync(path);
        if (now.ino !== opened.ino || now.dev !== opened.dev) {
          return {
            writable: false,
            problem: "replaced",
            detail: `${path} is no longer the file intplan opened`,
          };
        }
      } catch {
        return { writable: false, problem: "missing", detail: `${path} (or its folder) no longer exists` };
      }
    }
    try {
      sqlite.exec("begin immediate");
      try {
        allocate.run(filler);
      } finally {
        if (sqlite.inTransaction) sqlite.exec("rollback");
      }
      touch.run(clock().getTime());
      return { writable: true };
    } catch (error) {
      return {
        writable: false,
        problem: storageProblemOf(error) ?? "failing",
        detail: messageOf(error),
      };
    }
  };

  return {
    check() {
      if (clock().getTime() - checkedAt < cacheMs) return last;
      return record(probe());
    },
    observe(error) {
      const problem = storageProblemOf(error);
      if (!problem) return false;
      record({ writable: false, problem, detail: messageOf(error) });
      return true;
    },
  };
}

export interface RetryOptions extends OpenOptions {
  /** First wait before trying again; doubles each time up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Told about each failed attempt and the wait before the next. */
  onOpenFailed?: (error: unknown, retryInMs: number) => void;
  onOpened?: () => void;
}

/**
 * Opens the database like `openDatabase`, but a database that cannot be opened or migrated (a full disk, a
 * lock, a missing volume) does not stop the start: the handle answers at once, its health says
 * "unavailable" and every query throws `DatabaseUnavailableError`, while opening is retried with backoff in
 * the background. Once it succeeds, the same handle works.
 */
export function openDatabaseRetrying(databaseUrl: string, options: RetryOptions = {}): OpenDatabase {
  const base = options.retryBaseMs ?? 500;
  const max = options.retryMaxMs ?? 30_000;
  let current: OpenDatabase | undefined;
  let lastError = "not opened yet";
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const attempt = (waitMs: number) => {
    if (closed) return;
    try {
      current = openDatabase(databaseUrl, options);
      timer = undefined;
      options.onOpened?.();
    } catch (error) {
      lastError = messageOf(error);
      const next = Math.min(max, waitMs);
      options.onOpenFailed?.(error, next);
      timer = setTimeout(() => attempt(Math.min(max, next * 2)), next);
    }
  };
  attempt(base);

  const live = (): OpenDatabase => {
    if (!current) throw new DatabaseUnavailableError(lastError);
    return current;
  };
  // Every query module takes `db`; until the database is open, touching it throws a storage error.
  const db = new Proxy({} as Db, {
    get: (_target, property) => Reflect.get(live().db, property),
    has: (_target, property) => Reflect.has(live().db, property),
  });
  return {
    db,
    get connection() {
      return live().connection;
    },
    check: () => (current ? current.check() : { writable: false, problem: "unavailable", detail: lastError }),
    observe: (error) => (current ? current.observe(error) : storageProblemOf(error) !== undefined),
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      current?.close();
    },
  };
}
