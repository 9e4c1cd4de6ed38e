import { inflateRawSync } from "node:zlib";

/**
 * What a test needs to say a .docx would open in Word, without a zip or XML library: the zip's central
 * directory read by hand (APPNOTE.TXT: end of central directory record, central file headers, local
 * headers; stored or deflated entries), each XML part checked to be well-formed, and the package's
 * required parts and relationships present.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Every entry of a zip file, by name, inflated. Throws on anything that is not a well-formed zip. */
export function readZip(bytes: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory record");
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`bad central directory entry ${n}`);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (bytes.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new Error(`bad local header for ${name}`);
    const dataStart =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const content = method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : undefined;
    if (!content) throw new Error(`${name}: compression method ${method} is not one Word reads`);
    if (content.length !== size)
      throw new Error(`${name}: ${content.length} bytes, the directory says ${size}`);
    entries.set(name, content);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const NAME = "[A-Za-z_][\\w.:-]*";
const ATTRIBUTE = new RegExp(`^\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`);
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 refuses
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Throws, saying where, unless `xml` is well-formed XML 1.0 with one root element. */
export function assertWellFormedXml(xml: string, what = "XML"): void {
  const fail = (message: string, at: number): never => {
    throw new Error(`${what} is not well-formed: ${message} at ${at}: ${xml.slice(at, at + 60)}`);
  };
  if (NOT_XML.test(xml)) fail("a character XML cannot hold", xml.search(NOT_XML));
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const text = (from: number, to: number) => {
    const chunk = xml.slice(from, to);
    if (ENTITY.test(chunk)) fail("a bare &", from + chunk.search(ENTITY));
    if (open.length === 0 && chunk.trim() !== "") fail("text outside the root element", from);
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      text(i, xml.length);
      break;
    }
    text(i, lt);
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end < 0) fail("an unclosed processing instruction", lt);
      i = end + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end < 0) fail("an unclosed comment", lt);
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end < 0) fail("an unclosed CDATA section", lt);
      i = end + 3;
    } else if (xml.startsWith("</", lt)) {
      const match = new RegExp(`^</(${NAME})\\s*>`).exec(xml.slice(lt));
      if (!match) fail("a malformed end tag", lt);
      const name = match?.[1] ?? "";
      if (open.pop() !== name) fail(`</${name}> does not close the open element`, lt);
      i = lt + (match?.[0].length ?? 0);
    } else {
      const head = new RegExp(`^<(${NAME})`).exec(xml.slice(lt));
      if (!head) fail("a malformed start tag", lt);
      const name = head?.[1] ?? "";
      let j = lt + (head?.[0].length ?? 0);
      const seen = new Set<string>();
      for (;;) {
        const attribute = ATTRIBUTE.exec(xml.slice(j));
        if (!attribute) break;
        const attributeName = attribute[1] ?? "";
        if (seen.has(attributeName)) fail(`attribute ${attributeName} twice`, j);
        seen.add(attributeName);
        if (ENTITY.test(attribute[2] ?? "")) fail("a bare & in an attribute", j);
        j += attribute[0].length;
      }
      const close = /^\s*(\/?)>/.exec(xml.slice(j));
      if (!close) fail(`a malformed <${name}> tag`, j);
      if (open.length === 0) roots++;
      if (roots > 1) fail("a second root element", lt);
      if (!close?.[1]) open.push(name);
      i = j + (close?.[0].length ?? 0);
    }
  }
  if (open.length > 0) fail(`<${open.at(-1)}> is never closed`, xml.length);
  if (roots !== 1) fail("no root element", 0);
}

/** The parts of a .docx a reader needs, checked as Word checks them; returns the zip's entries. */
export function openDocx(bytes: Buffer): Map<string, Buffer> {
  const parts = readZip(bytes);
  for (const required of ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml"]) {
    if (!parts.has(required)) throw new Error(`the .docx has no ${required}`);
  }
  for (const [name, content] of parts) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) assertWellFormedXml(content.toString("utf8"), name);
  }
  const types = partText(parts, "[Content_Types].xml");
  if (!types.includes('PartName="/word/document.xml"'))
    throw new Error("word/document.xml has no content type");
  // Every relationship of the document points at a part in the package (or outside it, for links).
  const rels = partText(parts, "word/_rels/document.xml.rels");
  for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? "";
    const target = /Target="([^"]*)"/.exec(attributes)?.[1] ?? "";
    if (/TargetMode="External"/.test(attributes)) continue;
    const path = target.startsWith("/") ? target.slice(1) : `word/${target}`;
    if (!parts.has(path)) throw new Error(`word/document.xml's relationship points at a missing ${path}`);
  }
  const document = partText(parts, "word/document.xml");
  for (const match of document.matchAll(/r:id="([^"]+)"/g)) {
    if (!rels.includes(`Id="${match[1]}"`))
      throw new Error(`word/document.xml uses an unknown r:id ${match[1]}`);
  }
  return parts;
}

export const partText = (parts: Map<string, Buffer>, name: string): string =>
  parts.get(name)?.toString("utf8") ?? "";

/** The text a reader of word/document.xml sees, paragraph by paragraph (runs joined, entities decoded). */
export function documentParagraphs(parts: Map<string, Buffer>): string[] {
  const xml = partText(parts, "word/document.xml");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] ?? "")
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}
