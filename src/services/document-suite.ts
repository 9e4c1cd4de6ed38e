import { findDocument } from "../db/document-store.js";
import { type LastFrozen, lastFrozenVersion, lastPublication } from "../db/document-suite-store.js";
import type { ProjectRow } from "../db/schema.js";
import { DOCUMENT_KINDS, type DocumentKind } from "../domain/document-kinds.js";
import { type PresentingDeps, renderDocumentFor } from "./document-rendering.js";

/**
 * `/intplan docs`: where each of the seven documents stands. A document is published or not (a canvas, or a
 * Markdown file where the workspace had no canvases), up to date or not, and frozen or not.
 *
 * "Up to date" means what was last published is what would be published now: the fingerprint the publish
 * recorded equals the fingerprint of the document rendered now for its canvas (`renderDocumentFor`, as
 * `publishLatestDocument` and a freeze compare it). Rendering asks Slack for people's names, so this runs after
 * a command's ack, never before it.
 */

/** Whether the published document still says what the project says. */
export type Freshness =
  | "up-to-date"
  /** The project changed since: a canvas catches up at its next refresh, a file at the next publish. */
  | "changes-waiting"
  /** Slack could not name some of the people in it just now, so the comparison would be wrong: not told. */
  | "unknown";

export type Publication =
  | { as: "none" }
  | {
      as: "canvas";
      canvasId: string;
      permalink: string | null;
      /** The revision Document Control shows (what the announcement called its version). */
      version: number;
      freshness: Freshness;
      publishedAt: Date;
    }
  | { as: "file"; version: number; freshness: Freshness; publishedAt: Date };

export interface SuiteDocument {
  kind: DocumentKind;
  publication: Publication;
  frozen: LastFrozen | null;
}

export interface DocumentSuite {
  projectId: number;
  projectName: string;
  /** The seven documents, in the suite's order (`DOCUMENT_KINDS`). */
  documents: SuiteDocument[];
}

async function publicationOf(
  deps: PresentingDeps,
  project: ProjectRow,
  kind: DocumentKind,
): Promise<Publication> {
  const published = findDocument(deps.db, project.id, kind);
  const last = lastPublication(deps.db, project.id, kind);
  // A canvas Slack lost is forgotten (its hash with it): the next publish makes a new one.
  if (!published?.contentHash || !last) return { as: "none" };
  const now = await renderDocumentFor(deps, project, kind, "canvas");
  const freshness: Freshness = now.unnamed
    ? "unknown"
    : now.fingerprint === published.contentHash
      ? "up-to-date"
      : "changes-waiting";
  const version = published.revision;
  if (published.canvasId) {
    return {
      as: "canvas",
      canvasId: published.canvasId,
      permalink: published.canvasPermalink,
      version,
      freshness,
      publishedAt: published.updatedAt,
    };
  }
  return { as: "file", version, freshness, publishedAt: last.publishedAt };
}

/** Each document of the project's suite as it stands now. */
export async function documentSuite(deps: PresentingDeps, project: ProjectRow): Promise<DocumentSuite> {
  const documents: SuiteDocument[] = [];
  // One at a time: people's names are asked of Slack once (the directory caches them) and reused.
  for (const kind of DOCUMENT_KINDS) {
    documents.push({
      kind,
      publication: await publicationOf(deps, project, kind),
      frozen: lastFrozenVersion(deps.db, project.id, kind) ?? null,
    });
  }
  return { projectId: project.id, projectName: project.name, documents };
}
