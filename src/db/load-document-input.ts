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
    // An auto-detected type follows the interview: the documents classify the answers as they are now.
    integrationType:
      project.integrationTypeSource === "chosen" && isIntegrationType(project.integrationType)
        ? project.integrationType
        : null,
    integrationTypes:
      project.integrationTypeSource === "chosen" ? project.integrationTypes.filter(isIntegrationType) : null,
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
  const checklist = loadChecklist(db, project.id);
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
    ticked: checklist.filter((item) => item.done).map((item) => item.key),
    checklist: checklist.map((item) => ({
      key: item.key,
      done: item.done,
      scope: item.scope,
      scopedBy: item.scopedBy,
      scopedAt: item.scopedAt,
    })),
    revision: revisionFor(findDocument(db, project.id, kind), asked),
    channelId: project.channelId,
  };
}
