import type { Analysis } from "../domain/analysis/analyse.js";
import type { OpenQuestion } from "../domain/analysis/open-questions.js";
import { INTEGRATION_TYPE_LABELS } from "../domain/integration-type.js";
import type { DocumentProject } from "./render-input.js";

// Views both documents share: the project header, open questions and the integration-type flags.

/** The project as both documents show it. */
export interface ProjectView {
  code: string;
  name: string;
  clientName: string;
  systemA: string;
  systemB: string;
  integrationTypeLabel: string;
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
    integrationTypeLabel: INTEGRATION_TYPE_LABELS[analysis.integrationType],
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

/** The five type flags the plan's `{{#if accounting}}` ... `{{#if pos}}` blocks test. */
export function typeFlags(analysis: Analysis) {
  const type = analysis.integrationType;
  return {
    accounting: type === "accounting",
    marketing: type === "marketing",
    fulfillment: type === "fulfillment",
    inventory: type === "inventory",
    pos: type === "pos",
  };
}
