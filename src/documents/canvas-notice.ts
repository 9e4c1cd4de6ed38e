import type { DocumentKind } from "../domain/document-kinds.js";

/**
 * The line a document opens with on its canvas (the canvas audience only; files and frozen versions do not
 * carry it): who maintains it, that it is rewritten, and how to change it instead. The commands are
 * `/intplan edit <kind>` (a section's own wording, kept across refreshes) and `/intplan freeze <kind>` (a
 * numbered version to send).
 */
export function maintainedByLine(kind: DocumentKind): string {
  return (
    `_Maintained by intplan: this canvas is rewritten as the project changes, so edits made here do not last. ` +
    `To change a section's wording, use \`/intplan edit ${kind}\`; for a version to send, \`/intplan freeze ${kind}\`._`
  );
}

/** A pure `markdown → markdown` step for the canvas audience: the document with its opening line. */
export const withMaintainedByLine =
  (kind: DocumentKind) =>
  (markdown: string): string =>
    `${maintainedByLine(kind)}\n\n${markdown}`;
