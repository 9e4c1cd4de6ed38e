import type { Db } from "../db/client.js";
import { loadDocumentInput } from "../db/load-document-input.js";
import type { ProjectRow } from "../db/schema.js";
import { DOCUMENT_MAX_BYTES, fitToBytes } from "../documents/bounds.js";
import type { DocumentRenderer } from "../documents/renderer.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../domain/document-kinds.js";
import { truncateText } from "../domain/text.js";
import { fingerprintOf } from "../fingerprint.js";

const FILE_SUFFIX: Record<DocumentKind, string> = {
  plan: "implementation-plan",
  discovery: "discovery-document",
};

export interface RenderedDocument {
  kind: DocumentKind;
  title: string;
  filename: string;
  markdown: string;
  /** Identifies what the document says (its inputs), so an unchanged document is not published again. */
  fingerprint: string;
}

export interface RenderingDeps {
  db: Db;
  documents: DocumentRenderer;
}

/** Renders a project's document from the database, ready to publish or export. */
export function renderProjectDocument(
  deps: RenderingDeps,
  project: ProjectRow,
  kind: DocumentKind,
): RenderedDocument {
  const input = loadDocumentInput(deps.db, project, kind);
  const markdown = kind === "plan" ? deps.documents.renderPlan(input) : deps.documents.renderDiscovery(input);
  const { revision: _revision, ...content } = input;
  return {
    kind,
    title: truncateText(`${project.code} ${project.name}: ${DOCUMENT_TITLES[kind]}`, 250),
    filename: `${project.code}-${FILE_SUFFIX[kind]}.md`,
    // The renderer keeps documents under budget; this guard makes sure nothing over Slack's limit is sent.
    markdown: fitToBytes(markdown, DOCUMENT_MAX_BYTES),
    // What the document is made from, the revision number left out: unchanged inputs are not republished.
    fingerprint: fingerprintOf({ kind, content }),
  };
}
