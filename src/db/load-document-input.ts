import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { CompanionPlace, DocumentInput, DocumentProject } from "../documents/render-input.js";
import { COMPANION_KINDS, type CompanionKind, type DocumentKind } from "../domain/document-kinds.js";
import { isIntegrationType } from "../domain/integration-type.js";
import type { PhaseStatus } from "../domain/phases.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import { loadAnswerSources, loadAnswers } from "./answer-store.js";
import { loadChecklist } from "./checklist-store.js";
import type { DbOrTx } from "./client.js";
import { findDocument, revisionFor } from "./document-store.js";
import { loadProjectLiveState } from "./live-state.js";
import { documents, documentVersions, type ProjectRow, publications } from "./schema.js";

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

const companionKinds = [...COMPANION_KINDS];

/** The latest of each companion's rows, from rows newest first. */
function latestOf<T extends { kind: string }>(rows: readonly T[]): Map<CompanionKind, T> {
  const latest = new Map<CompanionKind, T>();
  for (const row of rows) {
    if (!latest.has(row.kind as CompanionKind)) latest.set(row.kind as CompanionKind, row);
  }
  return latest;
}

/**
 * Where each companion document of the project can be read: its canvas, when it has one (a canvas is always
 * the latest); else the newer of its latest frozen version whose files Slack took and its latest Markdown
 * posted instead of a canvas. A companion never published nor frozen is left out: not generated yet.
 */
function loadSuite(db: DbOrTx, projectId: number): Partial<Record<CompanionKind, CompanionPlace>> {
  const ofProject = <T extends typeof documents | typeof documentVersions | typeof publications>(t: T) =>
    and(eq(t.projectId, projectId), inArray(t.kind, companionKinds));
  const canvases = db
    .select({ kind: documents.kind, permalink: documents.canvasPermalink })
    .from(documents)
    .where(and(ofProject(documents), isNotNull(documents.canvasId)))
    .all();
  const versions = latestOf(
    db
      .select({
        kind: documentVersions.kind,
        number: documentVersions.number,
        frozenAt: documentVersions.frozenAt,
        permalink: documentVersions.permalink,
      })
      .from(documentVersions)
      .where(and(ofProject(documentVersions), isNotNull(documentVersions.markdownFileId)))
      .orderBy(desc(documentVersions.number))
      .all(),
  );
  const files = latestOf(
    db
      .select({ kind: publications.kind, postedAt: publications.publishedAt })
      .from(publications)
      .where(and(ofProject(publications), eq(publications.target, "file")))
      .orderBy(desc(publications.version))
      .all(),
  );
  const suite: Partial<Record<CompanionKind, CompanionPlace>> = {};
  for (const kind of COMPANION_KINDS) {
    const canvas = canvases.find((c) => c.kind === kind);
    const version = versions.get(kind);
    const file = files.get(kind);
    if (canvas) suite[kind] = { type: "canvas", permalink: canvas.permalink };
    else if (version && (!file || version.frozenAt >= file.postedAt)) {
      suite[kind] = {
        type: "version",
        number: version.number,
        frozenAt: version.frozenAt,
        permalink: version.permalink,
      };
    } else if (file) suite[kind] = { type: "file", postedAt: file.postedAt };
  }
  return suite;
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
  const answerSources = loadAnswerSources(db, project.id);
  return {
    project: toDocumentProject(project),
    answers: loadAnswers(db, project.id) as Answers,
    // Only when some answer has one, so a project without keeps the input (and fingerprint) it had.
    ...(Object.keys(answerSources).length > 0 ? { answerSources } : {}),
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
    // Only the plan names the other documents; the others' fingerprints do not follow their publishes.
    ...(kind === "plan" ? { suite: loadSuite(db, project.id) } : {}),
  };
}
