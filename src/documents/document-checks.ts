/**
 * What a finished document must never contain: template leftovers (seed placeholders, Handlebars,
 * HTML comments), markdown canvases cannot show (h4 and deeper, HTML, message markup such as `<@U…>`, which
 * a canvas shows as raw text), and broadcast pings.
 * Fenced code blocks are skipped: pasted data may hold anything and shows verbatim.
 */

interface Rule {
  problem: string;
  pattern: RegExp;
}

const RULES: readonly Rule[] = [
  /** `[CLIENT_NAME]`, `[YES/NO]`, `[Brief description]`: brackets that are neither a checkbox nor a link. */
  { problem: "placeholder", pattern: /(?<!\\)\[(?! \]|x\])[^\]\n]+(?<!\\)\](?!\()/ },
  { problem: "Handlebars expression", pattern: /\{\{|\}\}/ },
  { problem: "HTML comment", pattern: /<!--/ },
  { problem: "HTML tag", pattern: /(?<!\\)<\/?[A-Za-z][^>\n]*>/ },
  { problem: "heading deeper than h3", pattern: /^#{4,}\s/ },
  { problem: "message markup", pattern: /<[@#][A-Z0-9]/ },
  { problem: "broadcast mention", pattern: /<!(channel|here|everyone)\b|@(channel|here|everyone)\b/i },
];

function linesOutsideCodeBlocks(markdown: string): Array<{ number: number; text: string }> {
  let fence: string | null = null;
  return markdown.split("\n").flatMap((text, i) => {
    const opening = /^(`{3,})/.exec(text)?.[1];
    if (fence === null && opening) {
      fence = opening;
      return [];
    }
    if (fence !== null) {
      if (text.trim() === fence) fence = null;
      return [];
    }
    return [{ number: i + 1, text }];
  });
}

/** Every problem found, as "line 12: template placeholder: [PROJECT_NAME]". */
export function findDocumentProblems(markdown: string): string[] {
  return linesOutsideCodeBlocks(markdown).flatMap(({ number, text }) =>
    RULES.flatMap(({ problem, pattern }) => {
      const match = pattern.exec(text);
      return match ? [`line ${number}: ${problem}: ${match[0]}`] : [];
    }),
  );
}

export function assertCleanDocument(markdown: string): void {
  const problems = findDocumentProblems(markdown);
  if (problems.length > 0) throw new Error(`The document is not clean:\n${problems.join("\n")}`);
}
