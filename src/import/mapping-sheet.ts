import type { Questionnaire, TableQuestion } from "../domain/questionnaire/definition.js";
import { allQuestions } from "../domain/questionnaire/definition.js";
import type { TableRow } from "../domain/questionnaire/line-formats.js";
import { oneLine, shorten } from "./fit-answer.js";
import type { ImportProposal, UnplacedPart } from "./import-proposal.js";

/**
 * A field mapping sheet (CSV, TSV or the first recognisable sheet of a workbook) as rows of cells: the
 * header row names the source, target and transformation columns in any order and wording.
 */
export type SheetRows = readonly (readonly string[])[];

type Role = "source_field" | "target_field" | "transformation";

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const SOURCE = /^(source|from|origin|input)\b|\bsource\b|^source field/;
const TARGET = /^(target|to|destination|dest|maps to|mapped to|output)\b|\btarget\b|\bdestination\b|maps to/;
const TRANSFORM = /\b(transformation|transform|rule|rules|notes?|logic|conversion|mapping logic|how)\b/;

/** Which column is which, or null when the row is not a header naming a source and a target. */
export function headerRoles(
  cells: readonly string[],
  systemA: string,
  systemB: string,
): Partial<Record<Role, number>> | null {
  const a = norm(systemA);
  const b = norm(systemB);
  const aFirst = a.split(" ")[0] ?? a;
  const bFirst = b.split(" ")[0] ?? b;
  const roles: Partial<Record<Role, number>> = {};
  cells.forEach((cell, i) => {
    const h = norm(cell);
    if (h === "") return;
    let role: Role | undefined;
    if (SOURCE.test(h)) role = "source_field";
    else if (TARGET.test(h)) role = "target_field";
    else if (a !== "" && (h.includes(a) || h.split(" ").includes(aFirst))) role = "source_field";
    else if (b !== "" && (h.includes(b) || h.split(" ").includes(bFirst))) role = "target_field";
    else if (TRANSFORM.test(h)) role = "transformation";
    if (role && roles[role] === undefined) roles[role] = i;
  });
  return roles.source_field !== undefined && roles.target_field !== undefined ? roles : null;
}

export function fieldMappingsQuestion(questionnaire: Questionnaire): TableQuestion | undefined {
  const q = allQuestions(questionnaire).find((x) => x.id === "field_mappings");
  return q?.kind === "table" ? q : undefined;
}

/** Rows of a table under a recognised header: one mapping each; rows missing a side are unplaced. */
export function readMappingRows(
  rows: SheetRows,
  systemA: string,
  systemB: string,
  where: (rowIndex: number) => string,
): { header: number; mappings: TableRow[]; rowNumbers: number[]; unplaced: UnplacedPart[] } | null {
  const header = rows.findIndex((r) => headerRoles(r, systemA, systemB) !== null);
  if (header < 0) return null;
  const roles = headerRoles(rows[header] ?? [], systemA, systemB);
  if (!roles) return null;
  const mappings: TableRow[] = [];
  const rowNumbers: number[] = [];
  const unplaced: UnplacedPart[] = [];
  const cell = (row: readonly string[], i: number | undefined) =>
    i === undefined ? "" : oneLine(row[i] ?? "");
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((c) => c.trim() === "")) continue;
    const source = cell(row, roles.source_field);
    const target = cell(row, roles.target_field);
    const transformation = cell(row, roles.transformation);
    if (source === "" || target === "") {
      const missing = source === "" ? "no source field" : "no target field";
      unplaced.push({
        where: where(i),
        text: `${missing}: ${shorten(row.filter((c) => c.trim()).join(" | "))}`,
      });
      continue;
    }
    if ([source, target, transformation].some((c) => c.length > 500)) {
      unplaced.push({ where: where(i), text: `a cell is longer than 500 characters: ${shorten(source)}` });
      continue;
    }
    mappings.push({ source_field: source, target_field: target, transformation });
    rowNumbers.push(i);
  }
  return { header, mappings, rowNumbers, unplaced };
}

export function mappingSheetProposal(
  rows: SheetRows,
  target: { questionnaire: Questionnaire; systemA: string; systemB: string },
  sheetName?: string,
): ImportProposal | null {
  const prefix = sheetName ? `sheet "${sheetName}", ` : "";
  const read = readMappingRows(rows, target.systemA, target.systemB, (i) => `${prefix}row ${i + 1}`);
  if (!read) return null;
  const question = fieldMappingsQuestion(target.questionnaire);
  const proposal: ImportProposal = { format: "mapping-sheet", answers: [], unplaced: read.unplaced };
  if (read.mappings.length === 0) return proposal;
  const first = (read.rowNumbers[0] ?? 0) + 1;
  const last = (read.rowNumbers[read.rowNumbers.length - 1] ?? 0) + 1;
  const from = `${prefix}rows ${first}–${last} (${read.mappings.length} mappings)`;
  if (!question) {
    proposal.unplaced.push({ where: from, text: "this questionnaire has no field mappings question" });
    return proposal;
  }
  proposal.answers.push({ questionId: question.id, value: read.mappings, from });
  return proposal;
}
