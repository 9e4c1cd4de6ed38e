import type { WebClient } from "@slack/web-api";
import { findDocument } from "../../db/documents.js";
import { findProjectByIdAnyTeam } from "../../db/projects.js";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import type { DocumentKind } from "../../domain/document-kinds.js";
import { type PublishOutcome, publishDocument } from "./publish.js";
import { renderProjectDocument } from "./render.js";

/**
 * Renders a project's document from the database and publishes it, one publish at a time per document
 * (two people running `/intplan plan` together must not make two canvases). The project is read inside the
 * lock, so the freshest data is what gets published.
 */
export function publishProjectDocument(
  client: WebClient,
  deps: AppDeps,
  args: { projectId: number; kind: DocumentKind; actorId: string; onlyIfCanvasExists?: boolean },
): Promise<{ project: ProjectRow; outcome: PublishOutcome | undefined } | undefined> {
  return deps.locks.run(`document:${args.projectId}:${args.kind}`, async () => {
    const project = findProjectByIdAnyTeam(deps.db, args.projectId);
    if (!project) return undefined;
    // A refresh of a document that has no canvas has nothing to edit: skip the rendering too.
    if (args.onlyIfCanvasExists && !findDocument(deps.db, project.id, args.kind)?.canvasId) {
      return { project, outcome: undefined };
    }
    const outcome = await publishDocument({
      client,
      db: deps.db,
      projectId: project.id,
      channelId: project.channelId,
      actorId: args.actorId,
      at: deps.clock(),
      document: renderProjectDocument(deps, project, args.kind),
      onlyIfCanvasExists: args.onlyIfCanvasExists,
    });
    return { project, outcome };
  });
}
