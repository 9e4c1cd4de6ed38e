import { describe, expect, it } from "vitest";
import { getQuestionnaire } from "../../src/domain/questionnaire/definition.js";
import type { ImportFile } from "../../src/import/import-proposal.js";
import { IMPORT_MAX_BYTES, readImport } from "../../src/import/read-import.js";

const target = { questionnaire: getQuestionnaire(2), systemA: "Shopify Plus", systemB: "QuickBooks Online" };
const encode = (text: string) => new TextEncoder().encode(text);
const readFile = (file: ImportFile) => readImport(file, target);

describe("a PM uploads a file intplan cannot import, and is told what to do", () => {
  it("names the accepted types when the file is a PDF", async () => {
    const result = await readFile({
      name: "discovery.pdf",
      filetype: "pdf",
      mimetype: "application/pdf",
      bytes: encode("%PDF"),
    });
    expect(result).toMatchObject({ ok: false, failure: "unsupported_type" });
    if (!result.ok)
      expect(result.message).toMatch(/\.md, \.markdown or \.txt.*\.json.*\.csv, \.tsv or \.xlsx/);
  });

  it("goes by Slack's filetype when the name has no extension", async () => {
    const result = await readFile({
      name: "Discovery notes",
      filetype: "post",
      bytes: encode("## Executive Summary\nOrders to invoices.\n"),
    });
    expect(result.ok && result.proposal.format).toBe("discovery-document");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const result = await readFile({ name: "huge.md", bytes: new Uint8Array(IMPORT_MAX_BYTES + 1) });
    expect(IMPORT_MAX_BYTES).toBe(1024 * 1024);
    expect(result).toMatchObject({ ok: false, failure: "too_big" });
    if (!result.ok) expect(result.message).toMatch(/up to 1 MB/);
  });

  it("says a text file is not UTF-8", async () => {
    const latin1 = new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const result = await readFile({ name: "cafe.md", bytes: latin1 });
    expect(result).toMatchObject({ ok: false, failure: "unreadable" });
    if (!result.ok) expect(result.message).toMatch(/not UTF-8 text/);
  });

  it("points at the line of broken JSON", async () => {
    const result = await readFile({
      name: "answers.json",
      bytes: encode('{\n  "format": "intplan-answers",\n  "version": 1,,\n}'),
    });
    expect(result).toMatchObject({ ok: false, failure: "unreadable" });
    if (!result.ok) expect(result.message).toMatch(/not valid JSON on line 3/);
  });

  it("says a workbook that is not really an xlsx cannot be opened", async () => {
    const result = await readFile({ name: "mapping.xlsx", bytes: encode("this is not a zip") });
    expect(result).toMatchObject({ ok: false, failure: "unreadable" });
    if (!result.ok) expect(result.message).toMatch(/could not be opened as an Excel workbook/);
  });

  it("says where a CSV's quoting breaks", async () => {
    const result = await readFile({
      name: "mapping.csv",
      bytes: encode('Source,Target\n"order.name,DocNumber\n'),
    });
    expect(result).toMatchObject({ ok: false, failure: "unreadable" });
    if (!result.ok) expect(result.message).toMatch(/could not be read as CSV/);
  });

  it("says what a discovery document should look like when nothing in it is recognised", async () => {
    const result = await readFile({ name: "shopping.txt", bytes: encode("milk\neggs\n") });
    expect(result).toMatchObject({ ok: false, failure: "nothing_recognised" });
    if (!result.ok) expect(result.message).toMatch(/## headings such as Executive Summary/);
  });
});
