import { createHash } from "node:crypto";
import type { ProjectRow, SectionEditRow } from "../db/schema.js";
import { revertSectionEdit, saveSectionEdit } from "../db/section-edit-store.js";
import {
  type DocumentSection,
  normaliseSectionText,
  sectionTextProblem,
  splitSections,
} from "../documents/sections.js";
import type { DocumentKind } from "../domain/document-kinds.js";
import { type RenderingDeps, renderEditedDocument } from "./document-rendering.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place } from "./service-deps.js";

/**
 * `/intplan edit <document>`: a PM's own wording for a section of a document, which replaces the
 * generated text of that section in every later render (canvas and file) until it is reverted. What a
 * section is, and how edits apply, is src/documents/sections.ts. The editor shows each section's text from
 * the same render the canvas and files are made from, so what the PM changes is exactly what is replaced.
 */

type EditDeps = ChangeDeps & RenderingDeps;

/** Who last wrote a section's text. */
export interface EditMark {
  by: string;
  at: Date;
}

export interface EditableSection extends DocumentSection {
  /** A short stable name for the section (its heading's hash), for Slack to carry: headings can be long. */
  key: string;
  /** Set when the section's text is a PM's, not the generated one. */
  edited: EditMark | null;
}

/** An edit whose section is not in the document now: kept, shown, and deletable. */
export interface OrphanedEdit {
  key: string;
  heading: string;
  text: string;
  edited: EditMark;
}

export interface SectionEditor {
  project: ProjectRow;
  kind: DocumentKind;
  sections: EditableSection[];
  orphans: OrphanedEdit[];
}

const shortHash = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

/** The key of a section: its heading's hash, short enough for a Slack option value (75 characters). */
export const sectionKey = (heading: string): string => shortHash(heading);

/** What a section's text was when the PM was shown it, so a save can tell when it changed meanwhile. */
export const textVersion = (text: string): string => shortHash(text);

const markOf = (edit: SectionEditRow): EditMark => ({ by: edit.editedBy, at: edit.editedAt });

/** The document's sections as they read now (edits applied), and its orphaned edits. */
export function sectionEditor(deps: RenderingDeps, project: ProjectRow, kind: DocumentKind): SectionEditor {
  const document = renderEditedDocument(deps, project, kind);
  const edits = new Map(document.edits.map((e) => [e.heading, e]));
  const orphaned = new Set(document.orphaned);
  const sections = splitSections(document.markdown).map((section) => {
    const edit = edits.get(section.heading);
    return {
      ...section,
      key: sectionKey(section.heading),
      edited: edit && !orphaned.has(edit.heading) ? markOf(edit) : null,
    };
  });
  const orphans = document.edits
    .filter((e) => orphaned.has(e.heading))
    .map((e) => ({ key: sectionKey(e.heading), heading: e.heading, text: e.body, edited: markOf(e) }));
  return { project, kind, sections, orphans };
}

interface Where {
  place: Place;
  projectId: number;
  kind: DocumentKind;
}

export type EditorOutcome = { kind: "not-here" } | { kind: "editor"; editor: SectionEditor };

/** The editor of a modal's project, when that project is still the one of the modal's channel. */
export function sectionEditorHere(deps: RenderingDeps, where: Where): EditorOutcome {
  const project = findProjectHere(deps, where.place, where.projectId);
  return project
    ? { kind: "editor", editor: sectionEditor(deps, project, where.kind) }
    : { kind: "not-here" };
}

export type SaveSectionOutcome =
  | { kind: "not-here" }
  /** The section is not in the document any more (an answer changed what it is made of). */
  | { kind: "gone"; editor: SectionEditor }
  /**
   * The section's text changed since the PM was shown it (an answer changed it, or someone saved theirs):
   * nothing was saved, so no one's change is overwritten unseen. `section` is how it reads now.
   */
  | { kind: "changed"; editor: SectionEditor; section: EditableSection }
  /** The text cannot be a section's text; `problem` says why. Nothing was saved. */
  | { kind: "invalid"; problem: string }
  /** The text is the section's text already: nothing to save. */
  | { kind: "unchanged" }
  | { kind: "saved"; heading: string; folded: string[]; editor: SectionEditor };

/** Saves a PM's text for the section `key` names (committed, with its audit row, before Slack hears of it). */
export function saveSectionText(
  deps: EditDeps,
  args: Where & {
    key: string;
    text: string;
    actorId: string;
    /** `textVersion` of the text the PM was shown; a save over a text that changed since is refused. */
    shownVersion: string;
  },
): SaveSectionOutcome {
  const project = findProjectHere(deps, args.place, args.projectId);
  if (!project) return { kind: "not-here" };
  const before = sectionEditor(deps, project, args.kind);
  const section = before.sections.find((s) => s.key === args.key);
  if (!section) return { kind: "gone", editor: before };
  const problem = sectionTextProblem(section.level, args.text);
  if (problem) return { kind: "invalid", problem };
  const text = normaliseSectionText(args.text);
  if (text === section.text) return { kind: "unchanged" };
  if (textVersion(section.text) !== args.shownVersion) return { kind: "changed", editor: before, section };
  // A `##` section's text holds its subsections as they read now, edits included: those edits are part of
  // the saved text, so they are folded into it (removed) rather than applied a second time over it.
  const folded = section.subsections.filter((h) => before.sections.find((s) => s.heading === h)?.edited);
  saveSectionEdit(deps.db, {
    projectId: project.id,
    kind: args.kind,
    heading: section.heading,
    body: text,
    previous: section.text,
    folded,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
  return {
    kind: "saved",
    heading: section.heading,
    folded,
    editor: sectionEditor(deps, project, args.kind),
  };
}

export type RevertSectionOutcome =
  | { kind: "not-here" }
  /** Nothing to revert (someone reverted it already, or it was never edited). */
  | { kind: "not-edited"; editor: SectionEditor }
  | { kind: "reverted"; heading: string; orphaned: boolean; editor: SectionEditor };

/** Removes the edit of the section (or orphaned edit) `key` names: the generated text comes back. */
export function revertSection(
  deps: EditDeps,
  args: Where & { key: string; actorId: string },
): RevertSectionOutcome {
  const project = findProjectHere(deps, args.place, args.projectId);
  if (!project) return { kind: "not-here" };
  const before = sectionEditor(deps, project, args.kind);
  const section = before.sections.find((s) => s.key === args.key && s.edited);
  const orphan = before.orphans.find((o) => o.key === args.key);
  const heading = section?.heading ?? orphan?.heading;
  const removed =
    heading === undefined
      ? undefined
      : revertSectionEdit(deps.db, {
          projectId: project.id,
          kind: args.kind,
          heading,
          orphaned: orphan !== undefined,
          actorId: args.actorId,
          at: deps.clock(),
          timing: deps.timing,
        });
  const editor = sectionEditor(deps, project, args.kind);
  if (!removed || heading === undefined) return { kind: "not-edited", editor };
  return { kind: "reverted", heading, orphaned: orphan !== undefined, editor };
}
