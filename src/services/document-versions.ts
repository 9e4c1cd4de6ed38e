import { findDocument } from "../db/document-store.js";
import {
  createVersion,
  findVersion,
  listVersions,
  recordVersionFiles,
} from "../db/document-version-store.js";
import type { DocumentVersionRow, ProjectRow } from "../db/schema.js";
import { DOCUMENT_FILE_NAMES, DOCUMENT_TITLES, type DocumentKind } from "../domain/document-kinds.js";
import { truncateText } from "../domain/text.js";
import type { KeyedLock } from "../keyed-lock.js";
import { buildDocxIsolated, WORD_MAX_MARKDOWN_BYTES } from "../word-writer.js";
import { type PresentingDeps, type RenderingDeps, renderDocumentFor } from "./document-rendering.js";

/**
 * Versions for the client: `/intplan freeze <document> [label]` stores the document as it is now, numbered,
 * and never changes it; its Word and Markdown files are then uploaded to the channel. The version is committed
 * before Slack hears of it, so a failed upload loses nothing: `/intplan versions` offers to upload it again.
 */

export interface FreezeDeps extends PresentingDeps {
  clock: () => Date;
  locks: KeyedLock;
}

export type FreezeOutcome =
  | { status: "frozen"; version: DocumentVersionRow }
  /**
   * Slack could not name some of the people or channels just now (a rate limit, an outage): a version for the
   * client never freezes "team member" in their place, so nothing was stored.
   */
  | { status: "names-unavailable"; unnamed: number };

/** Stores the next version of a project's document, rendered now; the upload comes after (`uploadVersion`). */
export async function freezeDocument(
  deps: FreezeDeps,
  args: { project: ProjectRow; kind: DocumentKind; label: string | null; actorId: string },
): Promise<FreezeOutcome> {
  // A freeze is a publish a person asked for: it counts as a revision when the document changed from what
  // was last published (the canvas, as its fingerprint says); one already published keeps its revision.
  const published = findDocument(deps.db, args.project.id, args.kind);
  const asPublished = published && (await renderDocumentFor(deps, args.project, args.kind, "canvas"));
  const changed = asPublished !== undefined && asPublished.fingerprint !== published?.contentHash;
  // As a reader outside Slack sees it: real names, #channel, no Slack markup (the file audience).
  const rendered = await renderDocumentFor(deps, args.project, args.kind, "file", changed);
  if (rendered.unnamed) return { status: "names-unavailable", unnamed: rendered.unnamed };
  const version = createVersion(deps.db, {
    countsAsRevision: changed,
    projectId: args.project.id,
    kind: args.kind,
    label: args.label,
    markdown: rendered.markdown,
    actorId: args.actorId,
    at: deps.clock(),
  });
  return { status: "frozen", version };
}

export interface VersionFile {
  filename: string;
  title: string;
  content: Buffer | string;
}

/** A version's files: the Word document and the Markdown it is made from, or the Markdown alone. */
export interface FrozenFiles {
  docx?: VersionFile;
  markdown: VersionFile;
  /** Why there is no Word file, in words ("it is 300 KB, longer than a Word file is made for"). */
  noWord?: string;
  /** What went wrong writing the Word file, for the log. */
  wordProblem?: string;
}

/** The date a version was frozen, as its files say it (UTC, so every reader sees the same day). */
const frozenOn = (at: Date) => at.toISOString().slice(0, 10);

/** The files of a version, made from what it stored: uploading them again gives the same document. */
export async function versionFiles(project: ProjectRow, version: DocumentVersionRow): Promise<FrozenFiles> {
  const document = DOCUMENT_TITLES[version.kind];
  const title = truncateText(`${project.code} ${project.name}: ${document}, version ${version.number}`, 200);
  const stem = `${project.code}-${DOCUMENT_FILE_NAMES[version.kind]}-v${version.number}`;
  const word = await buildDocxIsolated(version.markdown, {
    title: truncateText(`${project.code} ${project.name}: ${document}`, 250),
    clientName: project.clientName,
    details: [
      `Version ${version.number}${version.label ? `: ${version.label}` : ""}`,
      `Frozen on ${frozenOn(version.frozenAt)}`,
    ],
  });
  const markdown = { filename: `${stem}.md`, title: `${title} (Markdown)`, content: version.markdown };
  if (!word.ok) {
    const noWord =
      word.reason === "too-long"
        ? `it is ${word.detail}, longer than a Word file is made for (${WORD_MAX_MARKDOWN_BYTES / 1024} KB)`
        : "the Word file could not be written";
    return { markdown, noWord, wordProblem: word.detail };
  }
  return { docx: { filename: `${stem}.docx`, title: `${title} (Word)`, content: word.bytes }, markdown };
}

/** Slack's ids of a version's uploaded files, and the Word file's link when Slack gave one. */
export interface UploadedFiles {
  docxFileId: string | null;
  markdownFileId: string;
  permalink: string | null;
}

/** What Slack is asked to do with a version's files (implemented in src/slack/version-uploader.ts). */
export interface VersionUploadPort {
  /** Uploads both files to the channel in one message. Throws when Slack does not take them. */
  upload(
    channelId: string,
    files: FrozenFiles,
    version: DocumentVersionRow,
    /** Who asked for this upload: the person who froze it, or whoever pressed Upload again. */
    actorId: string,
  ): Promise<UploadedFiles>;
}

export type UploadOutcome =
  | { status: "uploaded"; version: DocumentVersionRow }
  /** Someone else's upload of this version got there first: nothing was uploaded twice. */
  | { status: "already-uploaded"; version: DocumentVersionRow }
  | { status: "failed"; version: DocumentVersionRow; error: unknown }
  | { status: "not-found" };

/**
 * Uploads a version's files to its project's channel and records their ids, once: two people pressing
 * "Upload again" together make one upload. A failure is returned, never thrown: the version stays, without files.
 */
export function uploadVersion(
  deps: FreezeDeps,
  uploader: VersionUploadPort,
  args: { project: ProjectRow; versionId: number; actorId: string },
): Promise<UploadOutcome> {
  const { project, versionId } = args;
  return deps.locks.run(`document-version:${versionId}`, async (): Promise<UploadOutcome> => {
    const version = findVersion(deps.db, project.id, versionId);
    if (!version) return { status: "not-found" };
    if (version.markdownFileId) return { status: "already-uploaded", version };
    try {
      // One Word file is written at a time, app-wide: each takes a process of its own for seconds.
      const files = await deps.locks.run("word-writer", () => versionFiles(project, version));
      const uploaded = await uploader.upload(project.channelId, files, version, args.actorId);
      const stamp = { actorId: args.actorId, at: deps.clock() };
      return {
        status: "uploaded",
        version: recordVersionFiles(deps.db, version.id, uploaded, stamp) ?? version,
      };
    } catch (error) {
      return { status: "failed", version, error };
    }
  });
}

/** How many versions `/intplan versions` lists (the most recent; it says how many more there are). */
export const VERSIONS_LISTED = 15;

export interface VersionList {
  projectName: string;
  /** Newest first, at most VERSIONS_LISTED. */
  versions: DocumentVersionRow[];
  /** How many versions there are in all. */
  total: number;
}

export function projectVersions(deps: RenderingDeps, project: ProjectRow): VersionList {
  const { versions, total } = listVersions(deps.db, project.id, VERSIONS_LISTED);
  return { projectName: project.name, versions, total };
}
