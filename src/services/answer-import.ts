import { loadAnswers } from "../db/answer-store.js";
import type { Db } from "../db/client.js";
import {
  answerStamps,
  createPendingImport,
  deletePendingImport,
  loadPendingImport,
  saveImportedAnswers,
} from "../db/import-store.js";
import { findProjectById } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import type { Timing } from "../deps.js";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import { allQuestions, getQuestionnaire, type Questionnaire } from "../domain/questionnaire/definition.js";
import { truncateText, withSystemNames } from "../domain/text.js";
import type {
  ImportedAnswer,
  ImportFile,
  ImportProposal,
  ReadImportResult,
  UnplacedPart,
} from "../import/import-proposal.js";
import { findProjectHere } from "./projects-service.js";

/**
 * `/intplan import`'s use cases, Slack-free: what a file's metadata allows before it is downloaded, reading
 * it into a review kept in pending_imports, and saving what the person confirmed (re-checked against answers
 * saved meanwhile). The readers are injected (src/import/read-import.ts in the app).
 */

/** The file readers' entry point (src/import/read-import.ts). */
export type ImportReader = (
  file: ImportFile,
  target: { questionnaire: Questionnaire; systemA: string; systemB: string },
) => Promise<ReadImportResult>;

export interface ImportDeps {
  db: Db;
  clock: () => Date;
  timing?: Partial<Timing>;
  readImport: ImportReader;
  /** The largest file read (the readers' IMPORT_MAX_BYTES). */
  maxBytes: number;
}

/** A review waits this long for its confirmation; then it is read again from the file. */
export const PENDING_IMPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The file extensions `/intplan import` takes (Slack's file_input `filetypes` are extensions). */
export const IMPORT_EXTENSIONS = ["md", "markdown", "txt", "json", "csv", "tsv", "xlsx"] as const;

/** What Slack says of a file before anyone downloads it. */
export interface ImportFileMeta {
  id: string;
  name: string;
  filetype?: string;
  size?: number;
}

/** Slack's filetypes for text a person shared without an extension (a post, a snippet). */
const SLACK_TEXT_TYPES = ["text", "post"];

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";

/** In MiB, as the readers' limit is counted (1 MB = 1,048,576 bytes), so a file just past it never reads "1.0 MB". */
const megabytes = (bytes: number) => {
  const mb = bytes / (1024 * 1024);
  return `${mb > 1 && mb < 1.1 ? mb.toFixed(2) : mb.toFixed(1)} MB`;
};

/** The file's type and size, from its metadata; a message when it is not one to download. */
export function checkImportFile(meta: ImportFileMeta | undefined, maxBytes: number): string | undefined {
  if (!meta) return "Choose one file to import.";
  const name = truncateText(meta.name, 80);
  // Named by its extension, or, without one (a Slack post or snippet), by the type Slack gives it.
  const type = extensionOf(meta.name) || (meta.filetype ?? "").toLowerCase();
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(type) && !SLACK_TEXT_TYPES.includes(type))
    return `${name} is not a file intplan reads: upload Markdown (.md), text (.txt), JSON, CSV, TSV or Excel (.xlsx).`;
  if (meta.size !== undefined && meta.size > maxBytes)
    return `${name} is ${megabytes(meta.size)}; intplan reads files up to ${megabytes(maxBytes)}.`;
  return undefined;
}

/** One question of the review: its label and short previews of the file's value and the stored one. */
export interface ReviewItem {
  questionId: string;
  label: string;
  value: string;
  current?: string;
}

export interface ImportReview {
  pendingId: number;
  fileName: string;
  /** Questions with no answer yet: filled on confirmation. */
  fills: ReviewItem[];
  /** Questions with a different answer: kept unless the person chooses the file's. */
  conflicts: ReviewItem[];
  /** Answers the file gives exactly as stored already. */
  same: number;
  unplaced: UnplacedPart[];
}

/** What pending_imports.proposal holds for a review. */
interface StoredReview {
  proposal: ImportProposal;
  /** Question ids the review offers to fill, and those it asks about, in the review's order. */
  fills: string[];
  conflicts: string[];
  same: number;
  /** When each of those answers had been saved when the review was shown (ms), null when unanswered. */
  shown: Record<string, number | null>;
  /** The questionnaire version the file was read against: a project moved since then is read again. */
  questionnaireVersion?: number;
}

/** The project an import form names, only in its own channel of this workspace; undefined when gone. */
export const importTarget = (
  deps: Pick<ImportDeps, "db">,
  args: { teamId: string; channelId: string; projectId: number },
): ProjectRow | undefined =>
  findProjectHere(deps, { teamId: args.teamId, channelId: args.channelId }, args.projectId);

/** A short, one-line preview of an answer. */
export function previewAnswer(value: AnswerValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return truncateText(value.replace(/\s+/g, " ").trim(), 80);
  if (value.every((v) => typeof v === "string")) return truncateText((value as string[]).join(", "), 80);
  return `${value.length} row${value.length === 1 ? "" : "s"}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function labelsOf(project: ProjectRow): Map<string, string> {
  const questionnaire = getQuestionnaire(project.questionnaireVersion);
  return new Map(allQuestions(questionnaire).map((q) => [q.id, withSystemNames(q.label, project)]));
}

export type PrepareImportResult = { ok: true; review: ImportReview } | { ok: false; message: string };

/**
 * Reads a downloaded file with the readers and keeps what it would do as a pending review: nothing is saved
 * to the answers until the person confirms it.
 */
export async function prepareImport(
  deps: ImportDeps,
  args: { project: ProjectRow; file: ImportFile; fileId: string; personId: string },
): Promise<PrepareImportResult> {
  const { project, file } = args;
  if (file.bytes.length > deps.maxBytes)
    return {
      ok: false,
      message: `${truncateText(file.name, 80)} is larger than ${megabytes(deps.maxBytes)}.`,
    };
  const questionnaire = getQuestionnaire(project.questionnaireVersion);
  const read = await deps.readImport(file, {
    questionnaire,
    systemA: project.systemA,
    systemB: project.systemB,
  });
  if (!read.ok) return { ok: false, message: read.message };
  const labels = labelsOf(project);
  // A question the file answers twice: the first place wins, the rest are said as not placed.
  const answers: ImportedAnswer[] = [];
  const unplaced = [...read.proposal.unplaced];
  for (const answer of read.proposal.answers) {
    if (!labels.has(answer.questionId)) unplaced.push({ where: answer.from, text: answer.questionId });
    else if (answers.some((a) => a.questionId === answer.questionId))
      unplaced.push({ where: answer.from, text: `a second answer to “${labels.get(answer.questionId)}”` });
    else answers.push(answer);
  }
  if (answers.length === 0)
    return {
      ok: false,
      message: `Nothing in ${truncateText(file.name, 80)} answers a question of this project. Nothing was changed.`,
    };
  const stored = loadAnswers(deps.db, project.id);
  const stamps = answerStamps(
    deps.db,
    project.id,
    answers.map((a) => a.questionId),
  );
  const item = (a: ImportedAnswer): ReviewItem => ({
    questionId: a.questionId,
    label: labels.get(a.questionId) ?? a.questionId,
    value: previewAnswer(a.value),
    ...(stored[a.questionId] === undefined ? {} : { current: previewAnswer(stored[a.questionId]) }),
  });
  const fills = answers.filter((a) => stored[a.questionId] === undefined);
  const conflicts = answers.filter(
    (a) => stored[a.questionId] !== undefined && !same(stored[a.questionId], a.value),
  );
  const sameCount = answers.length - fills.length - conflicts.length;
  const review: StoredReview = {
    proposal: { ...read.proposal, answers, unplaced },
    fills: fills.map((a) => a.questionId),
    conflicts: conflicts.map((a) => a.questionId),
    same: sameCount,
    shown: Object.fromEntries(answers.map((a) => [a.questionId, stamps.get(a.questionId)?.at ?? null])),
    questionnaireVersion: project.questionnaireVersion,
  };
  const pendingId = createPendingImport(deps.db, {
    projectId: project.id,
    personId: args.personId,
    fileId: args.fileId,
    fileName: file.name,
    proposal: review as unknown as Record<string, unknown>,
    at: deps.clock(),
    forgetBefore: new Date(deps.clock().getTime() - PENDING_IMPORT_LIFETIME_MS),
  });
  return {
    ok: true,
    review: {
      pendingId,
      fileName: file.name,
      fills: fills.map(item),
      conflicts: conflicts.map(item),
      same: sameCount,
      unplaced,
    },
  };
}

export type ConfirmImportOutcome =
  | {
      kind: "saved";
      fileName: string;
      imported: number;
      kept: number;
      unplaced: number;
      projectId: number;
      questions: string[];
    }
  | { kind: "gone" }
  | { kind: "moved"; fileName: string; version: number }
  | { kind: "expired"; fileName: string }
  | { kind: "not-yours" }
  | { kind: "changed"; fileName: string; labels: string[] };

/**
 * Saves a confirmed review: the unanswered questions it fills, and of the answered ones those the person
 * chose to replace (`replace`: their places in the review's list of answered questions). A review already confirmed or dismissed, expired, or whose
 * answers someone changed since it was shown saves nothing and says so.
 */
export function confirmImport(
  deps: Pick<ImportDeps, "db" | "clock" | "timing">,
  args: { teamId: string; pendingId: number; personId: string; replace: ReadonlySet<number> },
): ConfirmImportOutcome {
  const row = loadPendingImport(deps.db, args.pendingId);
  if (!row) return { kind: "gone" };
  const project = findProjectById(deps.db, args.teamId, row.projectId);
  if (!project) return { kind: "gone" };
  if (row.personId !== args.personId) return { kind: "not-yours" };
  const now = deps.clock();
  if (now.getTime() - row.createdAt.getTime() > PENDING_IMPORT_LIFETIME_MS) {
    deletePendingImport(deps.db, row.id);
    return { kind: "expired", fileName: row.fileName };
  }
  const review = row.proposal as unknown as StoredReview;
  if (review.questionnaireVersion !== project.questionnaireVersion) {
    deletePendingImport(deps.db, row.id);
    return { kind: "moved", fileName: row.fileName, version: project.questionnaireVersion };
  }
  const chosen = [...review.fills, ...review.conflicts.filter((_, i) => args.replace.has(i))];
  const values = Object.fromEntries(
    review.proposal.answers.filter((a) => chosen.includes(a.questionId)).map((a) => [a.questionId, a.value]),
  );
  const kept = review.conflicts.length - (chosen.length - review.fills.length);
  const outcome = saveImportedAnswers(deps.db, {
    projectId: project.id,
    pendingId: row.id,
    values,
    source: { from: "import", fileName: row.fileName, importedBy: args.personId },
    actorId: args.personId,
    at: now,
    audit: { fileName: row.fileName, kept, unplaced: review.proposal.unplaced.length },
    refresh: { timing: deps.timing },
    recheck: (tx) => {
      const stamps = answerStamps(tx, project.id, chosen);
      return chosen.filter((id) => (stamps.get(id)?.at ?? null) !== (review.shown[id] ?? null));
    },
  });
  switch (outcome.kind) {
    case "gone":
      return { kind: "gone" };
    case "changed": {
      const labels = labelsOf(project);
      return {
        kind: "changed",
        fileName: row.fileName,
        labels: outcome.questions.map((id) => labels.get(id) ?? id),
      };
    }
    case "saved":
      return {
        kind: "saved",
        fileName: row.fileName,
        imported: outcome.questions.length,
        kept,
        unplaced: review.proposal.unplaced.length,
        projectId: project.id,
        questions: outcome.questions,
      };
  }
}

/** The person closed the review: it is forgotten (only theirs). */
export function dismissImport(deps: Pick<ImportDeps, "db">, args: { pendingId: number; personId: string }) {
  const row = loadPendingImport(deps.db, args.pendingId);
  if (row && row.personId === args.personId) deletePendingImport(deps.db, row.id);
}
