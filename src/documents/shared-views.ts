import type { Analysis } from "../domain/analysis/analyse.js";
import type { OpenQuestion } from "../domain/analysis/open-questions.js";
import { INTEGRATION_TYPE_LABELS, type IntegrationType } from "../domain/integration-type.js";
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
  leadEngineerId: string | null;
  projectManagerId: string | null;
  targetGoLive: string | null;
  createdAt: Date;
  /** "planning" → "Planning" */
  status: string;
}

const humanise = (status: string) => {
  const words = status.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function projectView(project: DocumentProject, analysis: Analysis): ProjectView {
  return {
    code: project.code,
    name: project.name,
    clientName: project.clientName,
    systemA: project.systemA,
    systemB: project.systemB,
    integrationTypeLabel: analysis.integrationTypes.map((t) => INTEGRATION_TYPE_LABELS[t]).join(" and "),
    integrationTypeReason: analysis.integrationTypeReason,
    leadEngineerId: project.leadEngineerId,
    projectManagerId: project.projectManagerId,
    targetGoLive: project.targetGoLive,
    createdAt: project.createdAt,
    status: humanise(project.status || "planning"),
  };
}

export interface OpenQuestionView {
  question: string;
  /** Why it is open when nobody raised it, e.g. "required, not answered in discovery". */
  note: string | null;
}

const NOTES: Readonly<Record<OpenQuestion["source"], string | null>> = {
  raised: null,
  unanswered: "required, not answered in discovery",
  unsure: "answered: not known yet",
};

export function openQuestionView(q: OpenQuestion): OpenQuestionView {
  return { question: q.question, note: NOTES[q.source] };
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
