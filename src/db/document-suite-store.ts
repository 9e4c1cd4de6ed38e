import { and, desc, eq } from "drizzle-orm";
import type { DocumentKind, PublicationTarget } from "../domain/document-kinds.js";
import type { DbOrTx } from "./client.js";
import { documentVersions, publications } from "./schema.js";

/** What `/intplan docs` reads of a document beside its `documents` row: its last publish and its last freeze. */

export interface LastPublication {
  target: PublicationTarget;
  publishedAt: Date;
}

/** Where the document was last published to (a canvas, or a file where there were no canvases), and when. */
export function lastPublication(
  db: DbOrTx,
  projectId: number,
  kind: DocumentKind,
): LastPublication | undefined {
  return db
    .select({ target: publications.target, publishedAt: publications.publishedAt })
    .from(publications)
    .where(and(eq(publications.projectId, projectId), eq(publications.kind, kind)))
    .orderBy(desc(publications.id))
    .limit(1)
    .get();
}

export interface LastFrozen {
  id: number;
  number: number;
  label: string | null;
  frozenAt: Date;
  /** The Word file's link (else the Markdown's), once Slack took the files and gave it. */
  permalink: string | null;
  uploaded: boolean;
}

/** The document's most recent frozen version (its text left out), if it has one. */
export function lastFrozenVersion(db: DbOrTx, projectId: number, kind: DocumentKind): LastFrozen | undefined {
  const row = db
    .select({
      id: documentVersions.id,
      number: documentVersions.number,
      label: documentVersions.label,
      frozenAt: documentVersions.frozenAt,
      permalink: documentVersions.permalink,
      markdownFileId: documentVersions.markdownFileId,
    })
    .from(documentVersions)
    .where(and(eq(documentVersions.projectId, projectId), eq(documentVersions.kind, kind)))
    .orderBy(desc(documentVersions.number))
    .limit(1)
    .get();
  if (!row) return undefined;
  const { markdownFileId, ...version } = row;
  return { ...version, uploaded: markdownFileId !== null };
}
