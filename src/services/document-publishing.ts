import type { Db } from "../db/client.js";
import { findDocument, forgetCanvas, recordPublication } from "../db/document-store.js";
import { findProjectByIdAnyTeam } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import type { DocumentKind } from "../domain/document-kinds.js";
import type { KeyedLock } from "../keyed-lock.js";
import { type PresentingDeps, type RenderedDocument, renderDocumentFor } from "./document-rendering.js";

/**
 * Publishing a document: which canvas to edit, when to create one, when a file stands in, and what is
 * recorded. The Slack calls sit behind `CanvasPort` (implemented in src/slack/canvas-publisher.ts) rather
 * than being returned as a plan to carry out, because each next step depends on how the last call went
 * (a canvas gone makes a new one; no canvases at all makes a file) and each one is recorded as it lands.
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
}

export type PublishOutcome =
  | { status: "unchanged"; version: number; canvasId: string | null }
  | { status: "canvas-created" | "canvas-updated"; version: number; canvasId: string }
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
  const record = (target: "canvas" | "file", targetId: string) =>
    recordPublication(db, {
      projectId: args.projectId,
      kind: document.kind,
      target,
      targetId,
      contentHash: hash,
      actorId: args.actorId,
      at: args.at,
      canvasId: target === "canvas" ? targetId : null,
    });

  if (existing?.contentHash === hash)
    return { status: "unchanged", version: existing.version, canvasId: existing.canvasId };
  if (existing?.canvasId) {
    if ((await canvases.edit(existing.canvasId, document)) === "edited") {
      return {
        status: "canvas-updated",
        version: record("canvas", existing.canvasId),
        canvasId: existing.canvasId,
      };
    }
    forgetCanvas(db, args.projectId, document.kind);
  }
  if (args.onlyIfCanvasExists) return undefined;

  const created = await canvases.create(args.channelId, document);
  if ("canvasId" in created) {
    return {
      status: "canvas-created",
      version: record("canvas", created.canvasId),
      canvasId: created.canvasId,
    };
  }
  const fileId = await canvases.uploadInstead(args.channelId, await args.asFile(), created.unavailable);
  return { status: "file", version: record("file", fileId), fileId, reason: created.unavailable };
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
    const outcome = await publishDocument(deps, canvases, {
      projectId: project.id,
      channelId: project.channelId,
      actorId: args.actorId,
      at: deps.clock(),
      document: await renderDocumentFor(deps, project, args.kind, "canvas"),
      asFile: () => renderDocumentFor(deps, project, args.kind, "file"),
      onlyIfCanvasExists: args.onlyIfCanvasExists,
    });
    return { project, outcome };
  });
}
