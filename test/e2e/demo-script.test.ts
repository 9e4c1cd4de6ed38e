/**
 * `npm run demo`, as the README tells a new user to run it: the whole example project through the app and
 * the emulator, every reply it waits for arriving, and all seven documents written out (here to a temporary
 * folder), each naming the client and both systems and clean, the frozen plan's Word file among them.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { DOCUMENT_FILE_NAMES, DOCUMENT_KINDS } from "../../src/domain/document-kinds.js";
import { openDocx } from "../support/docx-file.js";

const run = promisify(execFile);

describe("npm run demo", () => {
  const out = mkdtempSync(join(tmpdir(), "intplan-demo-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("plays the example project to the end and writes all seven documents, the frozen plan as a Word file", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/demo.ts", "--out", out], {
      timeout: 120_000,
    });
    expect(stdout).toContain("published the");
    expect(stdout).toContain("froze the *Implementation Plan version 1*");
    expect(stdout).toContain("refused by Slack's Block Kit rules: 0.");
    for (const kind of DOCUMENT_KINDS) {
      const file = join(out, `INT-0001-${DOCUMENT_FILE_NAMES[kind]}.md`);
      expect(existsSync(file), `${file} written`).toBe(true);
      const markdown = readFileSync(file, "utf8");
      for (const name of ["Acme Outdoor Co.", "Shopify Plus", "QuickBooks Online"]) {
        expect(markdown, `${kind} names ${name}`).toContain(name);
      }
      assertCleanDocument(markdown);
    }
    // The companions were not published: the plan says how to publish each.
    expect(readFileSync(join(out, "INT-0001-implementation-plan.md"), "utf8")).toContain(
      "- Statement of Work (_not generated yet:_ `/intplan publish sow`)",
    );
    const docx = join(out, "INT-0001-implementation-plan-v1.docx");
    expect(openDocx(readFileSync(docx)).has("word/document.xml")).toBe(true);
  });
});
