import type { Db } from "../db/client.js";
import {
  findDocument,
  forgetCanvas,
  recordCanvasAccess,
  recordCanvasPermalink,
  recordPublication,
  sectionEditedSincePublished,
} from "../db/document-store.js";
import { findProjectByIdAnyTeam } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import { DOCUMENT_MAX_BYTES, fitToBytes } from "../documents/bounds.js";
import { withMaintainedByLine } from "../documents/canvas-notice.js";
import type { DocumentKind } from "../domain/document-kinds.js";
import type { KeyedLock } from "../keyed-lock.js";
import { type PresentingDeps, type RenderedDocument, renderDocumentFor } from "./document-rendering.js";

/**
 * Publishing a document: which canvas to edit, when to create one, when a file stands in, and what is
 * recorded. The Slack calls sit behind `CanvasPort` (implemented in src/slack/canvas-publisher.ts) rather
 * than being returned as a plan to carry out, because each next step depends on how the last call went
 * (a canvas gone makes a new one; no canvases at all makes a file) and each one is recorded as it lands.
 *
 * A canvas intplan makes is a canvas in the channel's tabs (`canvases.create` with `channel_id`), which Slack
 * makes writable by the channel; right after creating one, the channel is made read-only on it, so nobody's
 * work is wiped by the next refresh. A canvas known from before (access never set) gets the same at its next
 * publish. Where Slack refuses, the channel is told once. The canvas' link is asked of Slack once
 * (`files.info`), and kept.
 */

/** What Slack is asked to do with a document. Failures other than the typed ones are thrown. */
export interface CanvasPort {
  /** Replaces a canvas' content; "gone" when Slack no longer has that canvas. */
  edit(canvasId: string, document: RenderedDocument): Promise<"edited" | "gone">;
  /** Creates the document's canvas in the channel; `unavailable` (Slack's reason) where there are no canvases. */
  create(
    channelId: string,
    document: RenderedDocument,
  ): Promise<{ canvasId: string } | { unavailable: string }>;
  /**
   * Uploads the document's Markdown as a file instead of a canvas, saying why; returns the file id. The
   * document given is the file audience's (names, no Slack markup), not the canvas'.
   */
  uploadInstead(channelId: string, document: RenderedDocument, reason: string): Promise<string>;
  /**
   * Makes the channel read-only on the canvas: "read" when Slack took it, `refused` (Slack's reason) when it
   * will not, `failed` when it could not be asked just now (a rate limit, a network error: try another time).
   * Never throws.
   */
  restrictToChannel(
    canvasId: string,
    channelId: string,
  ): Promise<{ access: "read" } | { refused: string } | { failed: string }>;
  /** The canvas' link as Slack gives it, or undefined when Slack would not say. Never throws. */
  permalink(canvasId: string): Promise<string | undefined>;
  /** Tells the channel the canvas could not be made read-only, and why. Never throws. */
  tellAccessRefused(channelId: string, document: RenderedDocument, reason: string): Promise<void>;
}

/** Where the document's canvas is: its link when Slack gave one. */
interface CanvasPlace {
  canvasId: string;
  permalink: string | null;
}

/** `version`: the revision the document shows in Document Control (publishes a person asked for). */
export type PublishOutcome =
  | { status: "unchanged"; version: number; canvasId: string | null; permalink: string | null }
  | ({ status: "canvas-created" | "canvas-updated"; version: number } & CanvasPlace)
  | { status: "file"; version: number; fileId: string; reason: string };

export interface PublishArgs {
  projectId: number;
  channelId: string;
  actorId: string;
  at: Date;
  /** The document as the canvas shows it. */
  document: RenderedDocument;
  /** The same document for a file (names, no Slack markup), made only when a file stands in for the canvas. */
  asFile: () => Promise<RenderedDocument>;
  /** Refreshes only edit an existing canvas; they never create one. */
  onlyIfCanvasExists?: boolean;
  /**
   * It counts as a revision when it changes the document: a person asked for it (not a refresh), or it
   * publishes a person's section edit for the first time.
   */
  asked: boolean;
}

/**
 * Publishes a document to its channel: edits the canvas it already has, or creates one, or, where the
 * workspace has no canvases, uploads the Markdown as a file. Unchanged content is not published again.
 */
export async function publishDocument(
  deps: { db: Db },
  canvases: CanvasPort,
  args: PublishArgs,
): Promise<PublishOutcome | undefined> {
  const { db } = deps;
  const { document } = args;
  const hash = document.fingerprint;
  const existing = findDocument(db, args.projectId, document.kind);
  const record = (target: "canvas" | "file", targetId: string, canvasPermalink?: string | null) =>
    recordPublication(db, {
      projectId: args.projectId,
      kind: document.kind,
      target,
      targetId,
      contentHash: hash,
      actorId: args.actorId,
      at: args.at,
      canvasId: target === "canvas" ? targetId : null,
      canvasPermalink,
      asked: args.asked,
    });

  const settle = (canvasId: string, linkAsked = false) =>
    settleCanvas(db, canvases, { ...args, canvasId, linkAsked });
  // The canvas audience's document: the same Markdown, opening with who maintains it, still under Slack's limit.
  const onCanvas = {
    ...document,
    markdown: fitToBytes(withMaintainedByLine(document.kind)(document.markdown), DOCUMENT_MAX_BYTES),
  };

  if (existing?.contentHash === hash) {
    const place = existing.canvasId ? await settle(existing.canvasId) : undefined;
    return {
      status: "unchanged",
      version: existing.revision,
      canvasId: existing.canvasId,
      permalink: place?.permalink ?? null,
    };
  }
  if (existing?.canvasId) {
    if ((await canvases.edit(existing.canvasId, onCanvas)) === "edited") {
      const version = record("canvas", existing.canvasId);
      return { status: "canvas-updated", version, ...(await settle(existing.canvasId)) };
    }
    forgetCanvas(db, args.projectId, document.kind);
  }
  if (args.onlyIfCanvasExists) return undefined;

  const created = await canvases.create(args.channelId, onCanvas);
  if ("canvasId" in created) {
    // The new canvas' link is asked before the publish is recorded, so the one board refresh the publish
    // asks for shows it (asked after, it took a second chat.update per canvas, against a Tier 3 budget).
    const permalink = await canvases.permalink(created.canvasId);
    const version = record("canvas", created.canvasId, permalink ?? null);
    return { status: "canvas-created", version, ...(await settle(created.canvasId, true)) };
  }
  const fileId = await canvases.uploadInstead(args.channelId, await args.asFile(), created.unavailable);
  return { status: "file", version: record("file", fileId), fileId, reason: created.unavailable };
}

/**
 * After a canvas is published (and recorded): makes the channel read-only on it if that was never tried
 * (told once in the channel where Slack refuses), and asks for its link if none is kept. Each answer is
 * committed before anything else is said in Slack; none of it can fail the publish.
 */
async function settleCanvas(
  db: Db,
  canvases: CanvasPort,
  /** `linkAsked`: this publish asked for the link already (a new canvas); not asked twice. */
  args: PublishArgs & { canvasId: string; linkAsked: boolean },
): Promise<CanvasPlace> {
  const { canvasId, document } = args;
  const where = { projectId: args.projectId, kind: document.kind, canvasId };
  const known = findDocument(db, args.projectId, document.kind);
  if (known?.canvasAccess == null) {
    const result = await canvases.restrictToChannel(canvasId, args.channelId);
    if ("access" in result) recordCanvasAccess(db, { ...where, access: "read" });
    if ("refused" in result && recordCanvasAccess(db, { ...where, access: "refused" })) {
      await canvases.tellAccessRefused(args.channelId, document, result.refused);
    }
  }
  let permalink = known?.canvasPermalink ?? null;
  if (!permalink && !args.linkAsked) {
    permalink = (await canvases.permalink(canvasId)) ?? null;
    if (permalink) recordCanvasPermalink(db, { ...where, permalink, actorId: args.actorId, at: args.at });
  }
  return { canvasId, permalink };
}

export interface PublishingDeps extends PresentingDeps {
  clock: () => Date;
  locks: KeyedLock;
}

/**
 * Renders a project's document from the database and publishes it, one publish at a time per document
 * (two people running `/intplan plan` together must not make two canvases). The project is read inside the
 * lock, so the freshest data is what gets published.
 */
export function publishLatestDocument(
  deps: PublishingDeps,
  canvases: CanvasPort,
  args: { projectId: number; kind: DocumentKind; actorId: string; onlyIfCanvasExists?: boolean },
): Promise<{ project: ProjectRow; outcome: PublishOutcome | undefined } | undefined> {
  return deps.locks.run(`document:${args.projectId}:${args.kind}`, async () => {
    const project = findProjectByIdAnyTeam(deps.db, args.projectId);
    if (!project) return undefined;
    // A refresh of a document that has no canvas has nothing to edit: skip the rendering too.
    if (args.onlyIfCanvasExists && !findDocument(deps.db, project.id, args.kind)?.canvasId) {
      return { project, outcome: undefined };
    }
    // Only the refresh jobs publish `onlyIfCanvasExists`; every other publish is a person's `/intplan plan`.
    // A refresh counts too when it carries a section edit not yet published: one edit, one revision, whichever
    // publish comes first. Read right before the (synchronous) render, so the edit counted is the one shown.
    const asked = !args.onlyIfCanvasExists || sectionEditedSincePublished(deps.db, project.id, args.kind);
    const outcome = await publishDocument(deps, canvases, {
      projectId: project.id,
      channelId: project.channelId,
      actorId: args.actorId,
      at: deps.clock(),
      document: await renderDocumentFor(deps, project, args.kind, "canvas", asked),
      asFile: () => renderDocumentFor(deps, project, args.kind, "file", asked),
      onlyIfCanvasExists: args.onlyIfCanvasExists,
      asked,
    });
    return { project, outcome };
  });
}
