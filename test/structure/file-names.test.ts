import { readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** Every file name under src/ is unique, so a name in a stack trace, an import or a review says one thing. */
const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(SRC, path)];
  });
}

describe("file names under src/", () => {
  it("never repeat", () => {
    const byName = new Map<string, string[]>();
    for (const file of filesUnder(SRC))
      byName.set(basename(file), [...(byName.get(basename(file)) ?? []), file]);
    const repeated = [...byName.values()].filter((files) => files.length > 1);
    expect(repeated).toEqual([]);
  });
});
