import type { Db } from "../db/client.js";
import { loadDocumentInput } from "../db/load-document-input.js";
import type { ProjectRow, SectionEditRow } from "../db/schema.js";
import { listSectionEdits } from "../db/section-edit-store.js";
import { DOCUMENT_MAX_BYTES, fitToBytes } from "../documents/bounds.js";
import {
  type Audience,
  type DirectoryName,
  presentPeople,
  type ShownNames,
} from "../documents/people-presentation.js";
import { referencesIn } from "../documents/person-tokens.js";
import type { DocumentRenderer } from "../documents/renderer.js";
import { applySectionEdits } from "../documents/sections.js";
import { DOCUMENT_FILE_NAMES, DOCUMENT_TITLES, type DocumentKind } from "../domain/document-kinds.js";
import { truncateText } from "../domain/text.js";
import { fingerprintOf } from "../fingerprint.js";
import type { PeopleDirectory } from "./people-directory.js";

export interface RenderedDocument {
  kind: DocumentKind;
  title: string;
  filename: string;
  markdown: string;
  /** Identifies what the document says (its inputs), so an unchanged document is not published again. */
  fingerprint: string;
  /** How many people and channels Slack could not name just now (they read "team member"); 0 or absent: none. */
  unnamed?: number;
}

export interface RenderingDeps {
  db: Db;
  documents: DocumentRenderer;
}

/** A document with the PM's section edits in place, people and channels still as tokens. */
export interface EditedDocument {
  markdown: string;
  /** Every edit of this document, applied or not. */
  edits: SectionEditRow[];
  /** The headings of edits whose section is not in the document. */
  orphaned: string[];
}

/**
 * The document's Markdown as the template renders it from the database, with the section edits of
 * `/intplan edit` replacing the generated text of their sections: what the edit modal shows and compares a
 * save against. People and channels stay tokens (the modal shows them as Slack mentions), so the editor asks
 * Slack for nothing and a saved section keeps its people as people. Every publish and file is made from the
 * same edited draft (`renderDocumentFor`).
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
  deps.documents.render(kind, input);

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

/** Rendering for an audience also asks Slack who the people and the channel in the document are. */
export interface PresentingDeps extends RenderingDeps {
  people: PeopleDirectory;
}

/**
 * Step one, pure and synchronous: the project's document from the database, people and the channel still
 * as tokens (documents/person-tokens.ts). Never published or saved as it is: `renderDocumentFor` presents it
 * for its audience.
 */
function renderDraft(
  deps: RenderingDeps,
  project: ProjectRow,
  kind: DocumentKind,
  asked: boolean,
): RenderedDocument {
  const input = loadDocumentInput(deps.db, project, kind, asked);
  const { markdown, edits } = applyEdits(deps, project, kind, renderTemplate(deps, input, kind));
  const { revision: _revision, ...content } = input;
  // The PM's wording is part of what the document is made from; left out when there is none, so documents
  // nobody edited keep the fingerprints they were published with.
  const wording = edits.length > 0 ? { edits: edits.map((e) => [e.heading, e.body]) } : {};
  return {
    kind,
    title: truncateText(`${project.code} ${project.name}: ${DOCUMENT_TITLES[kind]}`, 250),
    filename: `${project.code}-${DOCUMENT_FILE_NAMES[kind]}.md`,
    // The renderer keeps documents under budget; this guard makes sure nothing over Slack's limit is sent.
    markdown: fitToBytes(markdown, DOCUMENT_MAX_BYTES),
    // What the document is made from, the revision number left out: unchanged inputs are not republished.
    fingerprint: fingerprintOf({ kind, content, ...wording }),
  };
}

/** Asks the directory for every person and channel the document names (each once, side by side). */
async function namesIn(people: PeopleDirectory, markdown: string): Promise<ShownNames> {
  const { people: personIds, channels: channelIds } = referencesIn(markdown);
  const lookUp = async (ids: string[], lookup: (id: string) => Promise<DirectoryName>) =>
    new Map(await Promise.all(ids.map(async (id) => [id, await lookup(id)] as const)));
  const [shownPeople, shownChannels] = await Promise.all([
    lookUp(personIds, (id) => people.person(id)),
    lookUp(channelIds, (id) => people.channel(id)),
  ]);
  return { people: shownPeople, channels: shownChannels };
}

/**
 * A project's document as its audience reads it: `"canvas"` for the channel's canvas (each person a user card
 * once, then their name), `"file"` for everything read outside Slack (exports, frozen versions, the Markdown
 * uploaded where there are no canvases): real names, `#channel-name`, no Slack markup and no ids.
 *
 * The template render comes first and stays synchronous; anything that rewrites the rendered Markdown (a
 * section's edited text, say) belongs between it and the presentation, while the people are still tokens.
 * The fingerprint covers the audience and every name shown, so a renamed person republishes the canvas.
 */
export async function renderDocumentFor(
  deps: PresentingDeps,
  project: ProjectRow,
  kind: DocumentKind,
  audience: Audience,
  /** For a publish a person asked for: it shows the next revision in Document Control. */
  asked = false,
): Promise<RenderedDocument> {
  const draft = renderDraft(deps, project, kind, asked);
  const names = await namesIn(deps.people, draft.markdown);
  const markdown = presentPeople(draft.markdown, audience, names);
  const unnamed = [...names.people.values(), ...names.channels.values()].filter(
    (name) => name.status === "unavailable",
  ).length;
  return {
    ...draft,
    unnamed,
    markdown: fitToBytes(markdown, DOCUMENT_MAX_BYTES),
    fingerprint: fingerprintOf({
      draft: draft.fingerprint,
      audience,
      people: [...names.people],
      channels: [...names.channels],
    }),
  };
}
