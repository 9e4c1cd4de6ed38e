/** The documents intplan writes for a project, and what they are called wherever they are named. */

/**
 * The suite, in the order it is listed (`/intplan docs`, the plan's section 11): the Implementation Plan and
 * the Discovery Document, then the five companion documents the plan refers to.
 */
export const DOCUMENT_KINDS = ["plan", "discovery", "sow", "specs", "tests", "runbook", "playbook"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The five documents the Implementation Plan refers to (its section 11), published only when asked for. */
export const COMPANION_KINDS = [
  "sow",
  "specs",
  "tests",
  "runbook",
  "playbook",
] as const satisfies readonly DocumentKind[];
export type CompanionKind = (typeof COMPANION_KINDS)[number];

export const isCompanionKind = (kind: DocumentKind): kind is CompanionKind =>
  (COMPANION_KINDS as readonly DocumentKind[]).includes(kind);

export const isDocumentKind = (word: string): word is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(word);

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  plan: "Implementation Plan",
  discovery: "Discovery Document",
  sow: "Statement of Work",
  specs: "Technical Specifications",
  tests: "Test Cases",
  runbook: "Deployment Runbook",
  playbook: "Support Playbook",
};

/** How a document is named in a short space (a modal's title, at most 24 characters with "Edit the "). */
export const DOCUMENT_SHORT_NAMES: Readonly<Record<DocumentKind, string>> = {
  plan: "plan",
  discovery: "discovery doc",
  sow: "SOW",
  specs: "tech specs",
  tests: "test cases",
  runbook: "runbook",
  playbook: "playbook",
};

/** The end of a document's file name and template name: `INT-0001-statement-of-work.md`. */
export const DOCUMENT_FILE_NAMES: Readonly<Record<DocumentKind, string>> = {
  plan: "implementation-plan",
  discovery: "discovery-document",
  sow: "statement-of-work",
  specs: "technical-specifications",
  tests: "test-cases",
  runbook: "deployment-runbook",
  playbook: "support-playbook",
};

/** Where a published document went: the channel's canvas, or a file upload. */
export const PUBLICATION_TARGETS = ["canvas", "file"] as const;
export type PublicationTarget = (typeof PUBLICATION_TARGETS)[number];

/** Whether intplan made a canvas read-only for its channel: set, or refused by Slack. */
export const CANVAS_ACCESS_STATES = ["read", "refused"] as const;
export type CanvasAccessState = (typeof CANVAS_ACCESS_STATES)[number];

/** The longest label a frozen version takes (`/intplan freeze plan <label>`), in characters. */
export const VERSION_LABEL_MAX = 100;
