/**
 * `npm run demo`, as the README tells a new user to run it: the whole example project through the app and
 * the emulator, every reply it waits for arriving, and the documents written out (here to a temporary
 * folder), the frozen plan's Word file among them.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDocx } from "../support/docx-file.js";

const run = promisify(execFile);

describe("npm run demo", () => {
  const out = mkdtempSync(join(tmpdir(), "intplan-demo-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("plays the example project to the end and writes its documents, the frozen plan as a Word file", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/demo.ts", "--out", out], {
      timeout: 120_000,
    });
    expect(stdout).toContain("published the");
    expect(stdout).toContain("froze the *Implementation Plan version 1*");
    expect(stdout).toContain("refused by Slack's Block Kit rules: 0.");
    expect(existsSync(join(out, "INT-0001-implementation-plan.md"))).toBe(true);
    const docx = join(out, "INT-0001-implementation-plan-v1.docx");
    expect(openDocx(readFileSync(docx)).has("word/document.xml")).toBe(true);
  });
});
