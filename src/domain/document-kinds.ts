/** The documents intplan writes for a project, and what they are called wherever they are named. */

export const DOCUMENT_KINDS = ["plan", "discovery"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  plan: "Implementation Plan",
  discovery: "Discovery Document",
};

/** Where a published document went: the channel's canvas, or a file upload. */
export const PUBLICATION_TARGETS = ["canvas", "file"] as const;
export type PublicationTarget = (typeof PUBLICATION_TARGETS)[number];

/** Whether intplan made a canvas read-only for its channel: set, or refused by Slack. */
export const CANVAS_ACCESS_STATES = ["read", "refused"] as const;
export type CanvasAccessState = (typeof CANVAS_ACCESS_STATES)[number];

/** The longest label a frozen version takes (`/intplan freeze plan <label>`), in characters. */
export const VERSION_LABEL_MAX = 100;
