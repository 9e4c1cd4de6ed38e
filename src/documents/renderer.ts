import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { type Analysis, analyse } from "../domain/analysis/analyse.js";
import { DOCUMENT_FILE_NAMES, DOCUMENT_KINDS, type DocumentKind } from "../domain/document-kinds.js";
import { getQuestionnaire, type Questionnaire } from "../domain/questionnaire/definition.js";
import { boundAnswers, DETAIL_LEVELS, DOCUMENT_BUDGET_BYTES, fitToBytes } from "./bounds.js";
import { buildDiscoveryContext } from "./discovery-context.js";
import { buildPlanContext } from "./plan-context.js";
import { buildPlaybookContext } from "./playbook-context.js";
import type { DocumentInput } from "./render-input.js";
import { buildRunbookContext } from "./runbook-context.js";
import { buildSowContext } from "./sow-context.js";
import { buildSpecsContext } from "./specs-context.js";
import type { ContextArgs } from "./suite-context.js";
import { TEMPLATE_HELPERS } from "./template-helpers.js";
import { buildTestsContext } from "./tests-context.js";

export interface DocumentRendererOptions {
  /** The folder holding a template per document (implementation-plan.md.hbs, statement-of-work.md.hbs…) and partials/. */
  templatesDir: string;
  now?: () => Date;
}

export interface DocumentRenderer {
  /** Any document of the suite, from its template (`templates/<DOCUMENT_FILE_NAMES[kind]>.md.hbs`). */
  render(kind: DocumentKind, input: DocumentInput): string;
  renderPlan(input: DocumentInput): string;
  renderDiscovery(input: DocumentInput): string;
}

/** What each document's template reads, built from the input, the questionnaire, the analysis and the time. */
const CONTEXTS: Readonly<Record<DocumentKind, (...args: ContextArgs) => object>> = {
  plan: buildPlanContext,
  discovery: buildDiscoveryContext,
  sow: buildSowContext,
  specs: buildSpecsContext,
  tests: buildTestsContext,
  runbook: buildRunbookContext,
  playbook: buildPlaybookContext,
};

const TEMPLATE_SUFFIX = ".md.hbs";

/**
 * `noEscape`: values are escaped for Markdown by the helpers, not for HTML by Handlebars.
 * `strict`: a template naming a field the context lacks throws instead of printing nothing.
 */
const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpers: Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((name) => [name, true])),
  knownHelpersOnly: true,
} satisfies CompileOptions;

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/**
 * Loads and compiles every document's template and the partials once, on a Handlebars instance of its own,
 * and renders any document of the suite from a project and its answers.
 */
export function createDocumentRenderer({
  templatesDir,
  now = () => new Date(),
}: DocumentRendererOptions): DocumentRenderer {
  const hb = Handlebars.create();
  hb.registerHelper(TEMPLATE_HELPERS);
  /** Parsed now, so a broken template fails at start; Handlebars turns it into code on first use, once. */
  const compileFile = (path: string) => hb.compile(hb.parse(readFileSync(path, "utf8")), COMPILE_OPTIONS);
  const partialsDir = join(templatesDir, "partials");
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith(TEMPLATE_SUFFIX))) {
    hb.registerPartial(file.slice(0, -TEMPLATE_SUFFIX.length), compileFile(join(partialsDir, file)));
  }
  const templates = new Map(
    DOCUMENT_KINDS.map((kind) => [
      kind,
      compileFile(join(templatesDir, `${DOCUMENT_FILE_NAMES[kind]}${TEMPLATE_SUFFIX}`)),
    ]),
  );

  type Build = (input: DocumentInput, questionnaire: Questionnaire, analysis: Analysis, at: Date) => string;

  /**
   * Renders with every answer as the interview took it; a document over the budget (1 MiB is Slack's
   * canvas limit) is rendered again with less of each answer, and, still too big, cut at a section.
   */
  const renderBounded = (input: DocumentInput, build: Build) => {
    const questionnaire = getQuestionnaire(input.project.questionnaireVersion);
    const at = now();
    let markdown = "";
    for (const level of DETAIL_LEVELS) {
      const bounded = { ...input, answers: boundAnswers(questionnaire, input.answers, level) };
      const analysis = analyse({ project: bounded.project, answers: bounded.answers, questionnaire });
      markdown = build(bounded, questionnaire, analysis, at);
      if (Buffer.byteLength(markdown) <= DOCUMENT_BUDGET_BYTES) return markdown;
    }
    return fitToBytes(markdown);
  };

  const render = (kind: DocumentKind, input: DocumentInput) => {
    const template = templates.get(kind);
    if (!template) throw new Error(`No template for the ${kind} document.`);
    return renderBounded(input, (...args) => template(CONTEXTS[kind](...args)));
  };
  return {
    render,
    renderPlan: (input) => render("plan", input),
    renderDiscovery: (input) => render("discovery", input),
  };
}
