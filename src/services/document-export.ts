import { loadAnswers } from "../db/answer-store.js";
import { toDocumentProject } from "../db/load-document-input.js";
import type { ProjectRow } from "../db/schema.js";
import { toAnswersFile } from "../documents/answers-file.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../domain/document-kinds.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import { type PresentingDeps, renderDocumentFor } from "./document-rendering.js";

/** What `/intplan export` can export: any document's Markdown, or the discovery answers as JSON. */
export type ExportKind = DocumentKind | "answers";

export interface ExportFile {
  filename: string;
  title: string;
  content: string;
}

/** How an export is named to people ("the Implementation Plan file"). */
export const exportName = (kind: ExportKind): string =>
  kind === "answers" ? "answers" : DOCUMENT_TITLES[kind];

/** The file an export uploads, made from the database now; a document reads as a file (names, no Slack markup). */
export async function buildExportFile(
  deps: PresentingDeps & { clock: () => Date },
  project: ProjectRow,
  kind: ExportKind,
): Promise<ExportFile> {
  if (kind === "answers") {
    const answers = loadAnswers(deps.db, project.id) as Answers;
    return {
      filename: `${project.code}-answers.json`,
      title: `${project.code} discovery answers`,
      content: `${JSON.stringify(toAnswersFile(toDocumentProject(project), answers, deps.clock()), null, 2)}\n`,
    };
  }
  const rendered = await renderDocumentFor(deps, project, kind, "file");
  return { filename: rendered.filename, title: rendered.title, content: rendered.markdown };
}
