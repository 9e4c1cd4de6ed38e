/** The documents intplan writes for a project, and what they are called wherever they are named. */

export const DOCUMENT_KINDS = ["plan", "discovery"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  plan: "Implementation Plan",
  discovery: "Discovery Document",
};
