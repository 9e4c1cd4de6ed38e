import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { marked, type Token, type Tokens } from "marked";

/**
 * A frozen document as a Word file (.docx): the same Markdown the Markdown file holds, read by a real
 * Markdown lexer (`marked`, GFM) and written by a real OOXML writer (`docx`). Pure: Markdown and metadata in,
 * the file's bytes out (the writer stamps the file's created time itself).
 *
 * Covered: headings 1–4 (5 and 6 read as 4), paragraphs with bold, italic, strikethrough, code and links,
 * hard line breaks, bullet and numbered lists (nested), task list items (☐ and ☑), GFM tables with their
 * header row, code blocks (monospace), block quotes and horizontal rules. Anything else keeps its text.
 */

export interface DocxMetadata {
  /** The document's title, first on the first page and in the file's properties. */
  title: string;
  /** Who the document is for: named on the first page, in the footer and in the file's properties. */
  clientName: string;
  /** Lines under the title on the first page (version, label, date), plain text. */
  details: readonly string[];
}

const CREATOR = "intplan";
const MONOSPACE = "Consolas";
/** The text width of an A4 or Letter page with Word's default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 9000;
const INDENT_TWIPS = 360;
const NUMBERED = "intplan-numbered";
const MAX_LEVEL = 8;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

/** Characters XML 1.0 cannot hold (a file with one does not open in Word)... */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding characters XML refuses is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** ...and halves of a character (lone surrogates), which cannot be written as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** Text XML can hold: what it cannot is dropped. */
const xmlSafe = (text: string) => text.replace(NOT_XML, "").replace(LONE_SURROGATE, "");

/** Markdown text as a reader sees it: entities decoded (`&amp;` is `&`), nothing XML cannot hold. */
function plain(text: string): string {
  return xmlSafe(
    text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (entity, body: string) => {
      if (body.startsWith("#")) {
        const code =
          body[1]?.toLowerCase() === "x" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    }),
  );
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

const run = (text: string, style: RunStyle, extra: { style?: string } = {}) =>
  new TextRun({
    // Code is literal in Markdown: `&amp;` in code is those five characters.
    text: style.code ? xmlSafe(text) : plain(text),
    bold: style.bold,
    italics: style.italics,
    strike: style.strike,
    ...(style.code ? { font: MONOSPACE, shading: { type: ShadingType.CLEAR, fill: "F2F2F2" } } : {}),
    ...extra,
  });

/** Links a reader can follow; anything else (javascript:, relative paths) stays text. */
const isSafeLink = (href: string) => /^(https?:|mailto:)/i.test(href);

/** The runs of inline Markdown, styles nesting (`**_x_**` is bold italic). `inLink`: no link inside a link. */
function inline(
  tokens: readonly Token[] | undefined,
  style: RunStyle = {},
  inLink = false,
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const runStyle = inLink ? { style: "Hyperlink" } : {};
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        out.push(...inline((token as Tokens.Strong).tokens, { ...style, bold: true }, inLink));
        break;
      case "em":
        out.push(...inline((token as Tokens.Em).tokens, { ...style, italics: true }, inLink));
        break;
      case "del":
        out.push(...inline((token as Tokens.Del).tokens, { ...style, strike: true }, inLink));
        break;
      case "codespan":
        out.push(run((token as Tokens.Codespan).text, { ...style, code: true }, runStyle));
        break;
      case "br":
        out.push(new TextRun({ break: 1 }));
        break;
      case "link": {
        const link = token as Tokens.Link;
        const children = inline(link.tokens, style, true);
        if (!inLink && isSafeLink(link.href)) {
          out.push(new ExternalHyperlink({ link: link.href, children }));
        } else {
          out.push(...children);
        }
        break;
      }
      case "image": {
        // Images are not carried into the Word file: their description is, and never their address.
        const image = token as Tokens.Image;
        if (image.text) out.push(run(image.text, { ...style, italics: true }, runStyle));
        break;
      }
      case "text": {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) out.push(...inline(text.tokens, style, inLink));
        else out.push(run(text.text, style, runStyle));
        break;
      }
      case "escape":
        out.push(run((token as Tokens.Escape).text, style, runStyle));
        break;
      case "html": {
        // Inline HTML is shown as the text it holds; comments are not shown at all.
        const html = (token as Tokens.HTML).text;
        if (!html.startsWith("<!--")) out.push(run(html, style, runStyle));
        break;
      }
      default:
        if ("text" in token && typeof token.text === "string") out.push(run(token.text, style, runStyle));
    }
  }
  return out;
}

type Block = Paragraph | Table;

interface BlockContext {
  /** Inside a block quote: indented, with a rule on the left. */
  quote: boolean;
  /** The left indent of the enclosing list item's text, in twips (0 outside lists). */
  indent: number;
  /** A fresh instance number for each numbered list, so every list starts at 1. */
  nextListInstance(): number;
}

function quoteProps(ctx: BlockContext) {
  const left = ctx.indent + (ctx.quote ? INDENT_TWIPS * 2 : 0);
  return {
    ...(left > 0 ? { indent: { left } } : {}),
    ...(ctx.quote
      ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: "A6A6A6", space: 8 } } }
      : {}),
  };
}

function codeBlock(text: string, ctx: BlockContext): Paragraph {
  const lines = text.split("\n");
  return new Paragraph({
    ...quoteProps(ctx),
    shading: { type: ShadingType.CLEAR, fill: "F2F2F2" },
    children: lines.map(
      (line, i) =>
        new TextRun({ text: xmlSafe(line), font: MONOSPACE, size: 20, break: i > 0 ? 1 : undefined }),
    ),
  });
}

function table(token: Tokens.Table): Table {
  const columns = Math.max(1, token.header.length);
  const width = Math.floor(TEXT_WIDTH_TWIPS / columns);
  const alignment = (align: "center" | "left" | "right" | null) =>
    align === "center" ? AlignmentType.CENTER : align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const cell = (c: Tokens.TableCell, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: "D9E2F3" } } : {}),
      children: [
        new Paragraph({
          alignment: alignment(c.align),
          children: inline(c.tokens, header ? { bold: true } : {}),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    rows: [
      new TableRow({ tableHeader: true, children: token.header.map((c) => cell(c, true)) }),
      ...token.rows.map(
        (row) =>
          new TableRow({
            // A row with fewer cells than the header is filled out, so every row spans the grid.
            children: Array.from({ length: columns }, (_, i) =>
              cell(row[i] ?? { text: "", tokens: [], header: false, align: null }, false),
            ),
          }),
      ),
    ],
  });
}

function list(token: Tokens.List, ctx: BlockContext, level: number): Block[] {
  const at = Math.min(level, MAX_LEVEL);
  const instance = token.ordered ? ctx.nextListInstance() : 0;
  const itemIndent = ctx.indent + INDENT_TWIPS * 2;
  return token.items.flatMap((item) => {
    const [first, ...rest] = item.tokens.filter((t) => t.type !== "checkbox" && t.type !== "space");
    const box = item.task ? [new TextRun({ text: item.checked ? "☑ " : "☐ " })] : [];
    const marker = item.task
      ? // A task keeps its place in the list, its box where the bullet would be.
        { indent: { left: itemIndent, hanging: INDENT_TWIPS } }
      : token.ordered
        ? { numbering: { reference: NUMBERED, level: at, instance } }
        : { bullet: { level: at } };
    const lead =
      first && (first.type === "text" || first.type === "paragraph")
        ? [
            new Paragraph({
              ...quoteProps({ ...ctx, indent: 0 }),
              ...marker,
              children: [...box, ...inline((first as Tokens.Text).tokens ?? [first])],
            }),
          ]
        : [new Paragraph({ ...marker, children: box }), ...(first ? blocks([first], ctx, level + 1) : [])];
    return [...lead, ...blocks(rest, { ...ctx, indent: itemIndent }, level + 1)];
  });
}

function blocks(tokens: readonly Token[], ctx: BlockContext, listLevel = 0): Block[] {
  return tokens.flatMap((token): Block[] => {
    switch (token.type) {
      case "heading": {
        const heading = token as Tokens.Heading;
        return [
          new Paragraph({
            heading: HEADINGS[Math.min(Math.max(heading.depth, 1), 4) - 1],
            children: inline(heading.tokens),
          }),
        ];
      }
      case "paragraph":
      case "text":
        return [
          new Paragraph({
            ...quoteProps(ctx),
            children: inline((token as Tokens.Paragraph).tokens ?? [token]),
          }),
        ];
      case "list":
        return list(token as Tokens.List, ctx, listLevel);
      case "code":
        return [codeBlock((token as Tokens.Code).text, ctx)];
      case "blockquote":
        return blocks((token as Tokens.Blockquote).tokens, { ...ctx, quote: true }, listLevel);
      case "hr":
        return [new Paragraph({ thematicBreak: true, children: [] })];
      case "table":
        return [table(token as Tokens.Table)];
      case "html": {
        const html = (token as Tokens.HTML).text.trim();
        if (html === "" || html.startsWith("<!--")) return [];
        return [new Paragraph({ ...quoteProps(ctx), children: [run(html, {})] })];
      }
      case "space":
      case "def":
        return [];
      default:
        return "text" in token && typeof token.text === "string" && token.text.trim()
          ? [new Paragraph({ ...quoteProps(ctx), children: [run(token.text, {})] })]
          : [];
    }
  });
}

/** The numbered lists' levels: 1. then a. then i., and round again. */
const numberedLevels = Array.from({ length: MAX_LEVEL + 1 }, (_, level) => {
  const format = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3];
  return {
    level,
    format,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: INDENT_TWIPS * 2 * (level + 1), hanging: INDENT_TWIPS } } },
  };
});

function coverPage(meta: DocxMetadata): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(meta.title, {})] }),
    new Paragraph({ children: [run(`Prepared for ${meta.clientName}`, { bold: true })] }),
    ...meta.details.map((line) => new Paragraph({ children: [run(line, { italics: true })] })),
    new Paragraph({ thematicBreak: true, children: [] }),
  ];
}

/** The Word file of a document's Markdown, with its title and client on the first page and in its properties. */
export async function buildDocx(markdown: string, meta: DocxMetadata): Promise<Buffer> {
  let lists = 0;
  const body = blocks(marked.lexer(markdown, { gfm: true }), {
    quote: false,
    indent: 0,
    nextListInstance: () => ++lists,
  });
  const document = new Document({
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    title: plain(meta.title),
    subject: plain(`Prepared for ${meta.clientName}`),
    description: plain(meta.details.join(" · ")),
    numbering: { config: [{ reference: NUMBERED, levels: numberedLevels }] },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(`${meta.title} · ${meta.clientName} · page `, {}),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: [...coverPage(meta), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
