import type { AnswerValue } from "../domain/questionnaire/answers.js";

/**
 * What `/intplan import` read from a file, before anyone saved it: the answers it would fill, each with the
 * place in the file it came from, and what it found but could not place. The readers (one per format) make it;
 * the import service compares it with the stored answers for the review step and saves what the person kept.
 * Plain JSON, so a review waiting for confirmation can be stored as it is (pending_imports.proposal).
 */
export interface ImportedAnswer {
  questionId: string;
  value: AnswerValue;
  /** Where in the file it came from, as the review shows it: "## Executive Summary", "rows 2–41". */
  from: string;
}

export interface UnplacedPart {
  /** Where in the file: a heading, a row number, a JSON key. */
  where: string;
  /** What it said, shortened for the review. */
  text: string;
}

export type ImportFormat = "discovery-document" | "answers-json" | "mapping-sheet";

export interface ImportProposal {
  format: ImportFormat;
  answers: ImportedAnswer[];
  unplaced: UnplacedPart[];
}

/** A file as the edge downloaded it. */
export interface ImportFile {
  name: string;
  /** Slack's `filetype` ("markdown", "text", "json", "csv", "tsv", "xlsx"…), when known. */
  filetype?: string;
  mimetype?: string;
  bytes: Uint8Array;
}

export type ImportFailure = "unsupported_type" | "too_big" | "unreadable" | "nothing_recognised";

export type ReadImportResult =
  | { ok: true; proposal: ImportProposal }
  | { ok: false; failure: ImportFailure; message: string };
