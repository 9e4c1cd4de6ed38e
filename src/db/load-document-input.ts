import type { DocumentInput, DocumentProject } from "../documents/render-input.js";
import type { DocumentKind } from "../domain/document-kinds.js";
import { isIntegrationType } from "../domain/integration-type.js";
import type { PhaseStatus } from "../domain/phases.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import { loadAnswers } from "./answer-store.js";
import { loadChecklist } from "./checklist-store.js";
import type { DbOrTx } from "./client.js";
import { findDocument, revisionFor } from "./document-store.js";
import { loadProjectLiveState } from "./live-state.js";
import type { ProjectRow } from "./schema.js";

export function toDocumentProject(project: ProjectRow): DocumentProject {
  return {
    code: project.code,
    name: project.name,
    clientName: project.clientName,
    systemA: project.systemA,
    systemB: project.systemB,
    integrationType: isIntegrationType(project.integrationType) ? project.integrationType : null,
    leadEngineerId: project.leadEngineerId,
    projectManagerId: project.projectManagerId,
    targetGoLive: project.targetGoLive,
    volumeEstimate: project.volumeEstimate,
    summary: project.summary,
    status: project.status,
    createdAt: project.createdAt,
    questionnaireVersion: project.questionnaireVersion,
  };
}

/** Everything a document is rendered from: the project, its answers, and its live phases and blockers. */
/** `asked`: rendered for a publish a person asked for, which shows the next revision (document-store.ts). */
export function loadDocumentInput(
  db: DbOrTx,
  project: ProjectRow,
  kind: DocumentKind,
  asked = false,
): DocumentInput {
  const live = loadProjectLiveState(db, project.id);
  return {
    project: toDocumentProject(project),
    answers: loadAnswers(db, project.id) as Answers,
    phases: live.phases.map((p) => ({
      number: p.number,
      name: p.name,
      status: p.status as PhaseStatus,
      ownerId: p.ownerId,
      note: p.note,
    })),
    blockers: live.openBlockers.map((b) => ({
      id: b.number,
      text: b.text,
      ownerId: b.ownerId,
      waitingOnClient: b.waitingOnClient,
      createdAt: b.createdAt,
    })),
    ticked: loadChecklist(db, project.id)
      .filter((item) => item.done)
      .map((item) => item.key),
    revision: revisionFor(findDocument(db, project.id, kind), asked),
    channelId: project.channelId,
  };
}
