import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseAnswersFile } from "./documents/answers-file.js";
import { presentPeople } from "./documents/people-presentation.js";
import { createDocumentRenderer } from "./documents/renderer.js";
import { TEMPLATES_DIR } from "./paths.js";

/**
 * Offline commands, no Slack needed.
 *   render --answers <file.json> --doc plan|discovery   prints the document's Markdown, as a file reads
 *   (with no Slack to ask for names, people read "team member")
 */

const USAGE = "Usage: npm run render -- --answers <file.json> --doc plan|discovery";

export function runCli(argv: readonly string[]): string {
  const [command, ...rest] = argv;
  if (command !== "render") throw new Error(USAGE);
  const { values } = parseArgs({
    args: [...rest],
    options: { answers: { type: "string" }, doc: { type: "string" } },
    strict: true,
  });
  if (!values.answers || (values.doc !== "plan" && values.doc !== "discovery")) throw new Error(USAGE);
  const input = parseAnswersFile(JSON.parse(readFileSync(values.answers, "utf8")));
  const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR });
  const markdown = values.doc === "plan" ? renderer.renderPlan(input) : renderer.renderDiscovery(input);
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
