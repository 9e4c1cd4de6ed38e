import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { type Analysis, analyse } from "../domain/analysis/analyse.js";
import { getQuestionnaire, type Questionnaire } from "../domain/questionnaire/definition.js";
import { boundAnswers, DETAIL_LEVELS, DOCUMENT_BUDGET_BYTES, fitToBytes } from "./bounds.js";
import { buildDiscoveryContext } from "./discovery-context.js";
import { buildPlanContext } from "./plan-context.js";
import type { DocumentInput } from "./render-input.js";
import { TEMPLATE_HELPERS } from "./template-helpers.js";

export interface DocumentRendererOptions {
  /** The folder holding implementation-plan.md.hbs, discovery-document.md.hbs and partials/. */
  templatesDir: string;
  now?: () => Date;
}

export interface DocumentRenderer {
  renderPlan(input: DocumentInput): string;
  renderDiscovery(input: DocumentInput): string;
}

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
 * Loads and compiles both templates and their partials once, on a Handlebars instance of its own, and
 * renders the Implementation Plan and the Discovery Document from a project and its answers.
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
  const plan = compileFile(join(templatesDir, `implementation-plan${TEMPLATE_SUFFIX}`));
  const discovery = compileFile(join(templatesDir, `discovery-document${TEMPLATE_SUFFIX}`));

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

  return {
    renderPlan: (input) => renderBounded(input, (...args) => plan(buildPlanContext(...args))),
    renderDiscovery: (input) => renderBounded(input, (...args) => discovery(buildDiscoveryContext(...args))),
  };
}
