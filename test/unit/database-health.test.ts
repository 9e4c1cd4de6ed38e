import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase, storageProblemOf } from "../../src/db/client.js";

describe("the database health check", () => {
  let dir: string;
  let path: string;
  let now: number;
  let database: OpenDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "intplan-health-"));
    path = join(dir, "intplan.sqlite");
    now = Date.parse("2026-11-22T10:00:00Z");
    database = openDatabase(path, { clock: () => new Date(now) });
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const later = (ms = 1000) => {
    now += ms;
  };

  it("says writable on a healthy database, and commits its one probe row", () => {
    expect(database.check()).toEqual({ writable: true });
    const reader = new Database(path, { readonly: true });
    try {
      expect(reader.prepare("select key from processed_requests").all()).toEqual([{ key: "health:probe" }]);
    } finally {
      reader.close();
    }
  });

  it("notices a full disk (no page left to allocate) and its end, after its one-second cache", () => {
    expect(database.check().writable).toBe(true);
    const pages = database.connection.pragma("page_count", { simple: true });
    database.connection.pragma(`max_page_count = ${pages}`);
    expect(database.check().writable).toBe(true); // cached for a second
    later();
    expect(database.check()).toMatchObject({ writable: false, problem: "full" });
    database.connection.pragma("max_page_count = 1073741823");
    later(999);
    expect(database.check()).toMatchObject({ writable: false, problem: "full" });
    later(1);
    expect(database.check()).toEqual({ writable: true });
  });

  it("notices a lock held past the short wait, without waiting seconds", () => {
    const other = new Database(path);
    try {
      other.exec("begin exclusive");
      const started = Date.now();
      expect(database.check()).toMatchObject({ writable: false, problem: "locked" });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      other.close();
    }
    later();
    expect(database.check()).toEqual({ writable: true });
  });

  it("notices its file removed or replaced by another", () => {
    renameSync(path, `${path}.moved`);
    expect(database.check()).toMatchObject({ writable: false, problem: "missing" });
    new Database(path).close(); // a new, different file at the same path
    later();
    expect(database.check()).toMatchObject({ writable: false, problem: "replaced" });
  });

  it("counts a storage error a request ran into at once, and nothing else", () => {
    expect(database.observe(new Error("a bug"))).toBe(false);
    expect(database.check()).toEqual({ writable: true });
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    expect(database.observe(full)).toBe(true);
    expect(database.check()).toMatchObject({ writable: false, problem: "full" });
    later();
    expect(database.check()).toEqual({ writable: true });
  });

  it.each([
    ["SQLITE_FULL", "full"],
    ["SQLITE_BUSY", "locked"],
    ["SQLITE_BUSY_SNAPSHOT", "locked"],
    ["SQLITE_READONLY_DBMOVED", "read-only"],
    ["SQLITE_IOERR_WRITE", "failing"],
    ["SQLITE_CONSTRAINT_UNIQUE", undefined],
  ])("reads %s as %s", (code, problem) => {
    expect(storageProblemOf(Object.assign(new Error(code), { code }))).toBe(problem);
  });
});
