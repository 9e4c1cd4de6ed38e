import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getQuestionnaire } from "../../src/domain/questionnaire/definition.js";
import type { ImportProposal } from "../../src/import/import-proposal.js";
import { readImport } from "../../src/import/read-import.js";

const examplesDir = new URL("../../examples/", import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));
const encode = (text: string) => new TextEncoder().encode(text);

async function read(name: string, json: unknown, version = 2): Promise<ImportProposal> {
  const file = JSON.parse(JSON.stringify(json));
  const result = await readImport(
    { name, filetype: "json", bytes: encode(JSON.stringify(file, null, 2)) },
    {
      questionnaire: getQuestionnaire(version),
      systemA: file.project.systemA,
      systemB: file.project.systemB,
    },
  );
  if (!result.ok) throw new Error(`expected a proposal, got ${result.failure}: ${result.message}`);
  return result.proposal;
}

const isEmpty = (v: unknown) => (typeof v === "string" || Array.isArray(v)) && v.length === 0;

describe("a PM imports an answers file intplan exported", () => {
  it.each(examples)("%s reads back to the same answers", async (name) => {
    const file = JSON.parse(readFileSync(new URL(name, examplesDir), "utf8"));
    const p = await read(name, file, file.project.questionnaireVersion);
    expect(p.format).toBe("answers-json");
    const expected = Object.fromEntries(Object.entries(file.answers).filter(([, v]) => !isEmpty(v)));
    expect(Object.fromEntries(p.answers.map((a) => [a.questionId, a.value]))).toEqual(expected);
    expect(p.unplaced).toEqual([]);
    expect(p.answers[0]?.from).toMatch(/^answers\./);
  });

  it("keeps the ids the target questionnaire has when the file is from another version", async () => {
    const file = JSON.parse(readFileSync(new URL("shopify-quickbooks-accounting.json", examplesDir), "utf8"));
    const p = await read("v2-answers.json", file, 1);
    const ids = p.answers.map((a) => a.questionId);
    expect(ids).toContain("executive_summary");
    expect(ids).not.toContain("warranty_days");
    expect(p.unplaced.find((u) => u.where === "answers.warranty_days")?.text).toMatch(
      /questionnaire version 1 does not ask it \(the file is version 2\)/,
    );
  });

  it("sets aside an answer that no longer fits its question, and says why", async () => {
    const file = JSON.parse(readFileSync(new URL("shopify-quickbooks-accounting.json", examplesDir), "utf8"));
    file.answers.system_a_auth_method = "carrier_pigeon";
    file.answers.error_rate = 140;
    file.answers.pain_points = "one line is fine for a list";
    const p = await read("edited.json", file);
    expect(p.unplaced.map((u) => u.where).sort()).toEqual([
      "answers.error_rate",
      "answers.system_a_auth_method",
    ]);
    expect(p.unplaced.find((u) => u.where === "answers.error_rate")?.text).toMatch(/from 0 to 100/);
    expect(p.answers.find((a) => a.questionId === "pain_points")?.value).toEqual([
      "one line is fine for a list",
    ]);
  });

  it("tells the PM when a JSON file is not an intplan answers file", async () => {
    const result = await readImport(
      { name: "package.json", bytes: encode('{"name": "x"}') },
      { questionnaire: getQuestionnaire(2), systemA: "A", systemB: "B" },
    );
    expect(result).toMatchObject({ ok: false, failure: "nothing_recognised" });
    if (!result.ok)
      expect(result.message).toMatch(/not an intplan answers file .*"format": "intplan-answers"/);
  });
});
