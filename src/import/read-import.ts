import { parse as parseCsv } from "csv-parse/sync";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { answersJsonProposal } from "./answers-json.js";
import { discoveryDocumentProposal } from "./discovery-document.js";
import type { ImportFile, ImportProposal, ReadImportResult } from "./import-proposal.js";
import { mappingSheetProposal, type SheetRows } from "./mapping-sheet.js";

/** The largest file `/intplan import` reads: far more than any filled document, answers file or sheet. */
export const IMPORT_MAX_BYTES = 1024 * 1024;

export const ACCEPTED_IMPORT_TYPES =
  "a Deep Discovery Document (.md, .markdown or .txt), an intplan answers file (.json) or a field mapping sheet (.csv, .tsv or .xlsx)";

type Reader = "document" | "json" | "csv" | "tsv" | "xlsx";

const BY_EXTENSION: Record<string, Reader> = {
  md: "document",
  markdown: "document",
  txt: "document",
  json: "json",
  csv: "csv",
  tsv: "tsv",
  xlsx: "xlsx",
};

/** Slack's `filetype` values (files.info), for files whose name has no extension. */
const BY_FILETYPE: Record<string, Reader> = {
  markdown: "document",
  text: "document",
  post: "document",
  json: "json",
  csv: "csv",
  tsv: "tsv",
  xlsx: "xlsx",
};

const BY_MIMETYPE: Record<string, Reader> = {
  "text/markdown": "document",
  "text/x-markdown": "document",
  "text/plain": "document",
  "application/json": "json",
  "text/csv": "csv",
  "text/tab-separated-values": "tsv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

function pickReader(file: ImportFile): Reader | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  if (file.filetype && BY_FILETYPE[file.filetype.toLowerCase()])
    return BY_FILETYPE[file.filetype.toLowerCase()];
  const mime = file.mimetype?.split(";")[0]?.trim().toLowerCase();
  return mime ? BY_MIMETYPE[mime] : undefined;
}

const fail = (
  failure: "unsupported_type" | "too_big" | "unreadable" | "nothing_recognised",
  message: string,
) => ({ ok: false, failure, message }) as const;

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

/** "Unexpected token } in JSON at position 120" → the line it is on. */
function jsonErrorLine(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+)/i.exec(message);
  if (lineCol) return ` on line ${lineCol[1]}`;
  const position = /position (\d+)/i.exec(message);
  if (position) return ` on line ${text.slice(0, Number(position[1])).split("\n").length}`;
  return "";
}

async function xlsxRows(bytes: Uint8Array): Promise<Array<{ name: string; rows: SheetRows }> | null> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return null;
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(row.getCell(c).text ?? "");
      rows.push(cells);
    }
    return { name: sheet.name, rows };
  });
}

/** Excel in many European locales saves "CSV" with semicolons: the header line shows which it is. */
function csvDelimiter(text: string): "," | ";" {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const count = (c: string) => header.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

const NOTHING_IN_SHEET =
  'No header row naming a source and a target column was found. Put one row like "Source field | Target field | Transformation" (or your systems\' names, e.g. "Shopify field | QuickBooks field | Rule") above the mappings.';

/**
 * Reads a file for `/intplan import`: picks the reader from the file's name, Slack filetype or MIME type,
 * and returns what it would fill in the target questionnaire, or why it cannot read it.
 */
export async function readImport(
  file: ImportFile,
  target: { questionnaire: Questionnaire; systemA: string; systemB: string },
): Promise<ReadImportResult> {
  const reader = pickReader(file);
  if (!reader)
    return fail(
      "unsupported_type",
      `${file.name} is not a file intplan can import. Upload ${ACCEPTED_IMPORT_TYPES}.`,
    );
  if (file.bytes.byteLength > IMPORT_MAX_BYTES)
    return fail(
      "too_big",
      `${file.name} is ${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; intplan imports files up to ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Remove what is not part of the plan (images, other sheets) and upload it again.`,
    );

  if (reader === "xlsx") {
    const sheets = await xlsxRows(file.bytes);
    if (!sheets)
      return fail(
        "unreadable",
        `${file.name} could not be opened as an Excel workbook (.xlsx). Save it again from Excel or export it as CSV.`,
      );
    for (const sheet of sheets) {
      const proposal = mappingSheetProposal(sheet.rows, target, sheets.length > 1 ? sheet.name : undefined);
      if (proposal) return found(file, proposal, "mapping sheet");
    }
    return fail("nothing_recognised", `${file.name}: ${NOTHING_IN_SHEET}`);
  }

  const text = decodeText(file.bytes);
  if (text === null)
    return fail(
      "unreadable",
      `${file.name} is not UTF-8 text. Save it as UTF-8 (plain text, Markdown, CSV or JSON) and upload it again.`,
    );

  if (reader === "json") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return fail(
        "unreadable",
        `${file.name} is not valid JSON${jsonErrorLine(text, error)}. Fix it, or export the answers again with /intplan export answers.`,
      );
    }
    const read = answersJsonProposal(json, target.questionnaire);
    if (!read.ok)
      return fail(
        "nothing_recognised",
        `${file.name} is JSON but not an intplan answers file (the one /intplan export answers writes, with "format": "intplan-answers"). First problem: ${read.problems[0]}`,
      );
    return found(file, read.proposal, "answers file");
  }

  if (reader === "csv" || reader === "tsv") {
    let rows: string[][];
    try {
      rows = parseCsv(text, {
        delimiter: reader === "tsv" ? "\t" : csvDelimiter(text),
        relax_column_count: true,
        relax_quotes: reader === "tsv",
        skip_empty_lines: false,
      }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      return fail(
        "unreadable",
        `${file.name} could not be read as ${reader.toUpperCase()}${line ? ` near line ${line}` : ""}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const proposal = mappingSheetProposal(rows, target);
    if (!proposal) return fail("nothing_recognised", `${file.name}: ${NOTHING_IN_SHEET}`);
    return found(file, proposal, "mapping sheet");
  }

  const proposal = discoveryDocumentProposal(text, target);
  return found(file, proposal, "Deep Discovery Document");
}

function unplacedNote(proposal: ImportProposal): string {
  const [first] = proposal.unplaced;
  if (!first) return "";
  const count = proposal.unplaced.length;
  return ` ${count} ${count === 1 ? "part was" : "parts were"} found but fit no question, first ${first.where}: ${first.text}`;
}

function found(file: ImportFile, proposal: ImportProposal, what: string): ReadImportResult {
  if (proposal.answers.length > 0) return { ok: true, proposal };
  const expected =
    what === "Deep Discovery Document"
      ? "a Deep Discovery Document in the template's layout: ## headings such as Executive Summary, Current State, API Capabilities, with the [placeholders] replaced by your answers"
      : what === "mapping sheet"
        ? "a header row naming source, target and transformation columns, then one mapping per row"
        : "answers whose question ids this questionnaire has";
  return {
    ok: false,
    failure: "nothing_recognised",
    message: `Nothing in ${file.name} could be placed in the interview. intplan expected ${expected}.${unplacedNote(proposal)}`,
  };
}
