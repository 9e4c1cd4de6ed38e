import { describe, expect, it } from "vitest";
import { getQuestionnaire } from "../../src/domain/questionnaire/definition.js";
import type { ImportFile, ImportProposal } from "../../src/import/import-proposal.js";
import { readImport } from "../../src/import/read-import.js";

const target = { questionnaire: getQuestionnaire(2), systemA: "Shopify Plus", systemB: "QuickBooks Online" };
const encode = (text: string) => new TextEncoder().encode(text);

async function read(file: ImportFile): Promise<ImportProposal> {
  const result = await readImport(file, target);
  if (!result.ok) throw new Error(`expected a proposal, got ${result.failure}: ${result.message}`);
  return result.proposal;
}

async function workbook(sheets: Array<{ name: string; rows: string[][] }>): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) book.addWorksheet(sheet.name).addRows(sheet.rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const mappings = (p: ImportProposal) => p.answers.find((a) => a.questionId === "field_mappings");

describe("an engineer imports the field mapping sheet the client kept", () => {
  it("reads a CSV whose columns are named after the two systems, in any order", async () => {
    const csv = [
      "Rule,QuickBooks Online field,Shopify field",
      "as is,SalesReceipt.DocNumber,order.name",
      '"sum of lines, in cents",SalesReceipt.TotalAmt,order.total_price',
    ].join("\n");
    const p = await read({ name: "mapping.csv", bytes: encode(csv) });
    expect(p.format).toBe("mapping-sheet");
    expect(mappings(p)?.value).toEqual([
      { source_field: "order.name", target_field: "SalesReceipt.DocNumber", transformation: "as is" },
      {
        source_field: "order.total_price",
        target_field: "SalesReceipt.TotalAmt",
        transformation: "sum of lines, in cents",
      },
    ]);
    expect(mappings(p)?.from).toBe("rows 2–3 (2 mappings)");
  });

  it("puts a cell written over several lines on one line, so the interview box shows the same rows again", async () => {
    const csv = [
      "Shopify field,QuickBooks Online field,Rule",
      'order.note,SalesReceipt.PrivateNote,"trim\n  then cut at 4000"',
    ].join("\n");
    const p = await read({ name: "mapping.csv", bytes: encode(csv) });
    expect(mappings(p)?.value).toEqual([
      {
        source_field: "order.note",
        target_field: "SalesReceipt.PrivateNote",
        transformation: "trim then cut at 4000",
      },
    ]);
  });

  it("reads a TSV with From / Maps to / Notes, skipping blank rows and setting aside half-filled ones", async () => {
    const tsv = [
      "Notes\tFrom\tMaps to",
      "\torder.email\tCustomer.PrimaryEmailAddr",
      "",
      "no target yet\torder.tags\t",
      "\t\t\t",
      "trim\torder.note\tSalesReceipt.PrivateNote",
    ].join("\n");
    const p = await read({ name: "export", filetype: "tsv", bytes: encode(tsv) });
    expect(mappings(p)?.value).toEqual([
      { source_field: "order.email", target_field: "Customer.PrimaryEmailAddr", transformation: "" },
      { source_field: "order.note", target_field: "SalesReceipt.PrivateNote", transformation: "trim" },
    ]);
    expect(p.unplaced).toEqual([{ where: "row 4", text: "no target field: no target yet | order.tags" }]);
  });

  it("reads a CSV that Excel saved with semicolons", async () => {
    const csv = "Source field;Target field;Logic\norder.currency;SalesReceipt.CurrencyRef;ISO code\n";
    const p = await read({ name: "mapping.csv", bytes: encode(csv) });
    expect(mappings(p)?.value).toEqual([
      {
        source_field: "order.currency",
        target_field: "SalesReceipt.CurrencyRef",
        transformation: "ISO code",
      },
    ]);
  });

  it("gives all 200 rows of a long sheet, with no 30-row cap", async () => {
    const rows = ["Source field,Destination,Transformation"];
    for (let i = 1; i <= 200; i++) rows.push(`metafield_${i},CustomField${i},copy`);
    const p = await read({ name: "big.csv", bytes: encode(rows.join("\r\n")) });
    expect(mappings(p)?.value).toHaveLength(200);
    expect(mappings(p)?.value).toContainEqual({
      source_field: "metafield_200",
      target_field: "CustomField200",
      transformation: "copy",
    });
    expect(mappings(p)?.from).toBe("rows 2–201 (200 mappings)");
  });

  it("reads the first sheet of a workbook that has a recognisable header", async () => {
    const bytes = await workbook([
      { name: "Cover", rows: [["Acme Outdoor field mapping"], ["Prepared by Dana"]] },
      {
        name: "Orders",
        rows: [
          ["Transformation", "Target", "Source"],
          ["as is", "SalesReceipt.DocNumber", "order.name"],
          ["", "", ""],
          ["lookup by SKU", "Item.Name", "line_items.sku"],
        ],
      },
    ]);
    const p = await read({ name: "mapping.xlsx", bytes });
    expect(mappings(p)?.value).toEqual([
      { source_field: "order.name", target_field: "SalesReceipt.DocNumber", transformation: "as is" },
      { source_field: "line_items.sku", target_field: "Item.Name", transformation: "lookup by SKU" },
    ]);
    expect(mappings(p)?.from).toBe('sheet "Orders", rows 2–4 (2 mappings)');
  });

  it("tells the engineer which header it needs when the sheet has none", async () => {
    const result = await readImport({ name: "notes.csv", bytes: encode("a,b\nc,d\n") }, target);
    expect(result).toMatchObject({ ok: false, failure: "nothing_recognised" });
    if (!result.ok) expect(result.message).toMatch(/header row naming a source and a target column/);
  });
});
