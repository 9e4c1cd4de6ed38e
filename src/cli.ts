import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseAnswersFile } from "./documents/answers-file.js";
import { presentPeople } from "./documents/people-presentation.js";
import { createDocumentRenderer } from "./documents/renderer.js";
import { DOCUMENT_KINDS, isDocumentKind } from "./domain/document-kinds.js";
import { TEMPLATES_DIR } from "./paths.js";

/**
 * Offline commands, no Slack needed.
 *   render --answers <file.json> --doc plan|discovery|sow|specs|tests|runbook|playbook
 *   prints the document's Markdown, as a file reads (with no Slack to ask for names, people read "team
 *   member"; with no channel, the plan's companion documents are not generated yet)
 */

const USAGE = `Usage: npm run render -- --answers <file.json> --doc ${DOCUMENT_KINDS.join("|")}`;

export function runCli(argv: readonly string[]): string {
  const [command, ...rest] = argv;
  if (command !== "render") throw new Error(USAGE);
  const { values } = parseArgs({
    args: [...rest],
    options: { answers: { type: "string" }, doc: { type: "string" } },
    strict: true,
  });
  if (!values.answers || !values.doc) throw new Error(USAGE);
  if (!isDocumentKind(values.doc)) {
    throw new Error(
      `There is no document "${values.doc}": --doc is one of ${DOCUMENT_KINDS.join(", ")}.\n${USAGE}`,
    );
  }
  const input = parseAnswersFile(JSON.parse(readFileSync(values.answers, "utf8")));
  const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR });
  const markdown = renderer.render(values.doc, input);
  return presentPeople(markdown, "file", { people: new Map(), channels: new Map() });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(runCli(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
