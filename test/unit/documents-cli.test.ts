import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.js";
import { parseAnswersFile, toAnswersFile } from "../../src/documents/answers-file.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/shopify-klaviyo-marketing.json", import.meta.url));

describe("npm run render -- --answers <file> --doc plan|discovery", () => {
  const dir = mkdtempSync(join(tmpdir(), "intplan-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the Implementation Plan of an exported answers file, without Slack", () => {
    const plan = runCli(["render", "--answers", EXAMPLE, "--doc", "plan"]);
    expect(plan).toMatch(
      /^# IMPLEMENTATION PLAN\n## Bloom lifecycle email - Shopify ↔ Klaviyo Integration\n/,
    );
  });

  it("prints the Discovery Document", () => {
    const discovery = runCli(["render", "--answers", EXAMPLE, "--doc", "discovery"]);
    expect(discovery).toMatch(/^# Bloom lifecycle email Integration - Deep Discovery Document\n/);
  });

  it.each([
    [["render", "--answers", EXAMPLE]],
    [["render", "--answers", EXAMPLE, "--doc", "sow"]],
    [["render", "--doc", "plan"]],
    [["publish", "--answers", EXAMPLE, "--doc", "plan"]],
  ])("explains its usage when called as %j", (argv) => {
    expect(() => runCli(argv)).toThrow("Usage: npm run render -- --answers <file.json> --doc plan|discovery");
  });

  it("says what is wrong with a file that is not an answers export", () => {
    const path = join(dir, "broken.json");
    writeFileSync(
      path,
      JSON.stringify({ format: "intplan-answers", version: 1, project: { code: "" }, answers: {} }),
    );
    expect(() => runCli(["render", "--answers", path, "--doc", "plan"])).toThrow(/project\.code/);
  });
});

describe("the answers file", () => {
  it("round-trips: what /intplan export answers writes, render reads back unchanged", () => {
    const input = parseAnswersFile(JSON.parse(readFileSync(EXAMPLE, "utf8")));
    const file = toAnswersFile(input.project, input.answers, new Date("2025-10-02T16:10:00.000Z"));
    expect(parseAnswersFile(JSON.parse(JSON.stringify(file)))).toEqual(input);
  });
});
