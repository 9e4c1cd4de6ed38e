import type { CompanionKind } from "../domain/document-kinds.js";
import type { IntegrationType } from "../domain/integration-type.js";
import type { ChecklistScope, PhaseStatus } from "../domain/phases.js";
import type { AnswerSource } from "../domain/questionnaire/answer-source.js";
import type { Answers } from "../domain/questionnaire/answers.js";

/** The project record the documents are rendered from. */
export interface DocumentProject {
  code: string;
  name: string;
  clientName: string;
  systemA: string;
  systemB: string;
  /** null: auto-detect from the systems and what is to be done (the answers). */
  integrationType: IntegrationType | null;
  /** Every type a person chose, the primary first; `[integrationType]` when absent. */
  integrationTypes?: IntegrationType[] | null;
  /** Slack user ids */
  leadEngineerId: string | null;
  projectManagerId: string | null;
  /** YYYY-MM-DD */
  targetGoLive: string | null;
  volumeEstimate: string | null;
  summary: string | null;
  status: string;
  createdAt: Date;
  questionnaireVersion: number;
}

export interface DocumentPhase {
  number: number;
  name: string;
  status: PhaseStatus;
  ownerId?: string | null;
  note?: string | null;
}

export interface DocumentBlocker {
  id: number;
  text: string;
  ownerId?: string | null;
  waitingOnClient: boolean;
  createdAt: Date;
}

/** A stored checklist item as the plan shows it. */
export interface DocumentChecklistItem {
  key: string;
  done: boolean;
  scope: ChecklistScope;
  scopedBy: string | null;
  scopedAt: Date | null;
}

/**
 * Where a companion document can be read, as the plan's references name it: its canvas in the channel (the
 * link once Slack gave it), or else its latest file: a frozen version uploaded to the channel, or the Markdown
 * posted where the workspace has no canvases.
 */
export type CompanionPlace =
  | { type: "canvas"; permalink: string | null }
  | { type: "version"; number: number; frozenAt: Date; permalink: string | null }
  | { type: "file"; postedAt: Date };

export interface DocumentInput {
  project: DocumentProject;
  answers: Answers;
  /**
   * Where answers came from when no person typed them (answers.source), by question id; the documents cite
   * a system profile's vendor page. Absent (an answers file), every answer reads as typed.
   */
  answerSources?: Readonly<Record<string, AnswerSource>>;
  /** When absent, every phase renders as not started. */
  phases?: readonly DocumentPhase[];
  /** When absent, the plan says there are no current blockers. */
  blockers?: readonly DocumentBlocker[];
  /** The keys of the phases' tasks and exit criteria ticked so far; none when absent. */
  ticked?: readonly string[];
  /**
   * The project's checklist as stored (scope, who marked what not in scope). When absent (an answers file),
   * the checklist is a new project's: the type-specific tasks are suggestions.
   */
  checklist?: readonly DocumentChecklistItem[];
  /** The plan's version in Document Control; 1 when absent. */
  revision?: number;
  /** The project's channel (a Slack channel id), named in the plan's header; not named when absent. */
  channelId?: string | null;
  /**
   * The companion documents the plan refers to (its sections 6.3, 10 and 11), each where it can be read; a
   * document absent here is not generated yet. Absent altogether (an answers file rendered offline): none is.
   */
  suite?: Partial<Record<CompanionKind, CompanionPlace>>;
}
