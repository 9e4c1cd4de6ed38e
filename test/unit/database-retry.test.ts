import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, openDatabaseRetrying, storageProblemOf } from "../../src/db/client.js";
import { projects } from "../../src/db/schema.js";

describe("a database that cannot be opened at start", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "intplan-retry-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 'unavailable' and keeps trying with backoff; once it can, the same handle works", async () => {
    // A file where the database's folder should be: the folder cannot be created (even as root).
    const folder = join(dir, "data");
    writeFileSync(folder, "not a folder");
    const failures: number[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const database = openDatabaseRetrying(join(folder, "intplan.sqlite"), {
      retryBaseMs: 5,
      retryMaxMs: 20,
      onOpenFailed: (_error, retryInMs) => {
        failures.push(retryInMs);
        // The operator fixes it after a few attempts.
        if (failures.length === 3) rmSync(folder);
      },
      onOpened: opened,
    });
    try {
      expect(database.check()).toMatchObject({ writable: false, problem: "unavailable" });
      let queryError: unknown;
      try {
        database.db.select().from(projects).all();
      } catch (error) {
        queryError = error;
      }
      expect(queryError).toBeInstanceOf(DatabaseUnavailableError);
      expect(storageProblemOf(queryError)).toBe("unavailable");
      expect(database.observe(queryError)).toBe(true);

      await open;
      expect(failures).toEqual([5, 10, 20]);
      expect(database.check()).toEqual({ writable: true });
      expect(database.db.select().from(projects).all()).toEqual([]);
    } finally {
      database.close();
    }
  });
});
