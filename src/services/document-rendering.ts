import type { Db } from "../db/client.js";
import { loadDocumentInput } from "../db/load-document-input.js";
import type { ProjectRow, SectionEditRow } from "../db/schema.js";
import { listSectionEdits } from "../db/section-edit-store.js";
import { DOCUMENT_MAX_BYTES, fitToBytes } from "../documents/bounds.js";
import type { DocumentRenderer } from "../documents/renderer.js";
import { applySectionEdits } from "../documents/sections.js";
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

/** A document as the template renders it with the PM's section edits in place (before any size guard). */
export interface EditedDocument {
  markdown: string;
  /** Every edit of this document, applied or not. */
  edits: SectionEditRow[];
  /** The headings of edits whose section is not in the document. */
  orphaned: string[];
}

/**
 * The document's Markdown as the template renders it from the database, with the section edits of
 * `/intplan edit` replacing the generated text of their sections: what the edit modal shows, and what
 * every publish and file is made from.
 */
export function renderEditedDocument(
  deps: RenderingDeps,
  project: ProjectRow,
  kind: DocumentKind,
): EditedDocument {
  const input = loadDocumentInput(deps.db, project, kind);
  return applyEdits(deps, project, kind, renderTemplate(deps, input, kind));
}

type Input = ReturnType<typeof loadDocumentInput>;

const renderTemplate = (deps: RenderingDeps, input: Input, kind: DocumentKind) =>
  kind === "plan" ? deps.documents.renderPlan(input) : deps.documents.renderDiscovery(input);

function applyEdits(
  deps: RenderingDeps,
  project: ProjectRow,
  kind: DocumentKind,
  generated: string,
): EditedDocument {
  const edits = listSectionEdits(deps.db, project.id, kind);
  const { markdown, orphaned } = applySectionEdits(generated, edits);
  return { markdown, edits, orphaned };
}

/** Renders a project's document from the database, ready to publish or export. */
export function renderProjectDocument(
  deps: RenderingDeps,
  project: ProjectRow,
  kind: DocumentKind,
): RenderedDocument {
  const input = loadDocumentInput(deps.db, project, kind);
  const { markdown, edits } = applyEdits(deps, project, kind, renderTemplate(deps, input, kind));
  const { revision: _revision, ...content } = input;
  // The PM's wording is part of what the document is made from; left out when there is none, so documents
  // nobody edited keep the fingerprints they were published with.
  const wording = edits.length > 0 ? { edits: edits.map((e) => [e.heading, e.body]) } : {};
  return {
    kind,
    title: truncateText(`${project.code} ${project.name}: ${DOCUMENT_TITLES[kind]}`, 250),
    filename: `${project.code}-${FILE_SUFFIX[kind]}.md`,
    // The renderer keeps documents under budget; this guard makes sure nothing over Slack's limit is sent.
    markdown: fitToBytes(markdown, DOCUMENT_MAX_BYTES),
    // What the document is made from, the revision number left out: unchanged inputs are not republished.
    fingerprint: fingerprintOf({ kind, content, ...wording }),
  };
}
