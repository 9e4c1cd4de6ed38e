import type { Analysis } from "../domain/analysis/analyse.js";
import type { OpenQuestion } from "../domain/analysis/open-questions.js";
import { INTEGRATION_TYPE_LABELS, type IntegrationType } from "../domain/integration-type.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import type { SystemNames } from "../domain/text.js";
import { type Unanswered, unanswered } from "./answer-fields.js";
import type { DocumentProject } from "./render-input.js";

// Views both documents share: the project header, open questions and the integration-type flags.

/** The project as both documents show it. */
export interface ProjectView {
  code: string;
  name: string;
  clientName: string;
  systemA: string;
  systemB: string;
  /** "Inventory and Accounting": every type, the primary first. */
  integrationTypeLabel: string;
  /** Why these types ("auto-detected; Inventory: the workflows mention stock levels (…)"). */
  integrationTypeReason: string;
  leadEngineerId: string | Unanswered;
  projectManagerId: string | Unanswered;
  targetGoLive: string | Unanswered;
  createdAt: Date;
  /** "planning" → "Planning" */
  status: string;
}

const humanise = (status: string) => {
  const words = status.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Where a project basic (lead, PM, go-live, volume, summary) is answered. */
export const EDIT_PROJECT = "/intplan edit project";

/** A project basic, or the marker that sends a person to `/intplan edit project`. */
export const basic = (value: string | null | undefined): string | Unanswered =>
  typeof value === "string" && value.trim() !== "" ? value : unanswered(EDIT_PROJECT);

export function projectView(project: DocumentProject, analysis: Analysis): ProjectView {
  return {
    code: project.code,
    name: project.name,
    clientName: project.clientName,
    systemA: project.systemA,
    systemB: project.systemB,
    integrationTypeLabel: analysis.integrationTypes.map((t) => INTEGRATION_TYPE_LABELS[t]).join(" and "),
    integrationTypeReason: analysis.integrationTypeReason,
    leadEngineerId: basic(project.leadEngineerId),
    projectManagerId: basic(project.projectManagerId),
    targetGoLive: basic(project.targetGoLive),
    createdAt: project.createdAt,
    status: humanise(project.status || "planning"),
  };
}

export interface OpenQuestionView {
  question: string;
  /** Where it is answered, when nobody raised it: "answer in /intplan interview 10 (MVP goal)". */
  note: string | null;
}

const NOTES: Readonly<Record<OpenQuestion["source"], (where: string) => string>> = {
  raised: (where) => `answer in ${where}`,
  unanswered: (where) => `answer in ${where}`,
  placeholder: (where) => `answer in ${where}`,
  unsure: (where) => `answered "not known yet"; update in ${where}`,
};

export function openQuestionView(q: OpenQuestion): OpenQuestionView {
  return { question: q.question, note: q.where === null ? null : NOTES[q.source](q.where) };
}

/** The five type flags a template's `{{#if accounting}}` ... `{{#if pos}}` test: one per type the project is. */
export function typeFlags(analysis: Analysis) {
  const is = (type: IntegrationType) => analysis.integrationTypes.includes(type);
  return {
    accounting: is("accounting"),
    marketing: is("marketing"),
    fulfillment: is("fulfillment"),
    inventory: is("inventory"),
    pos: is("pos"),
  };
}

/**
 * What a risk logged before its mitigation was known shows in the mitigation's place (`{{text mitigation
 * @root.mitigationTodo}}`): that it is not known yet, and where to add it.
 */
export const mitigationTodo = (questionnaire: Questionnaire, systems: SystemNames): string =>
  `no mitigation yet; add it with ${whereAnswered(questionnaire, "risks", systems) ?? "/intplan interview risks"}`;
