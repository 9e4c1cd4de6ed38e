/**
 * The shape of a discovery questionnaire: sections of questions, each of a kind. Types only, so a version
 * file (v1.ts) and the registry of versions (definition.ts) both depend on this and not on each other.
 *
 * Labels, hints, placeholders and section titles may contain `{systemA}` and `{systemB}`: the
 * project's source and target system names are put in when they are shown (`withSystemNames`, ../text.ts).
 */

export type QuestionKind =
  | "short_text"
  | "long_text"
  | "number"
  | "single_select"
  | "multi_select"
  | "checkboxes"
  | "date"
  | "user"
  | "url"
  | "email"
  | "list"
  | "table";

export interface ChoiceOption {
  /** Stored in answers; stable, snake_case, at most 75 characters. */
  value: string;
  label: string;
}

export interface TableColumn {
  /** Key of the cell in a stored row. */
  id: string;
  label: string;
  /** When set, the cell must be one of these (matched case-insensitively, a unique prefix is enough). */
  options?: readonly string[];
  /** An optional column may be left empty, or left off when it is last on the line. */
  optional?: boolean;
}

interface QuestionBase {
  /** Stable snake_case id: the answer's key, the modal's block_id and action_id. Never reuse one. */
  id: string;
  label: string;
  hint?: string;
  placeholder?: string;
  /** A section is complete when all its required questions are answered. */
  required?: boolean;
  /**
   * The question as the documents ask it while it is open ("What is the MVP's goal?"); `{systemA}` and
   * `{systemB}` become the names. Without it, open questions are worded from the label.
   */
  ask?: string;
  /** Document fields this answer fills, as `plan.<field>` or `discovery.<field>`. */
  feeds?: readonly string[];
}

export interface TextQuestion extends QuestionBase {
  kind: "short_text" | "long_text";
  maxLength?: number;
}

export interface NumberQuestion extends QuestionBase {
  kind: "number";
  min?: number;
  max?: number;
  integer?: boolean;
  /** Shown after the value in summaries and documents: "%", "hours/week", "USD/month". */
  unit?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  kind: "single_select" | "multi_select" | "checkboxes";
  options: readonly ChoiceOption[];
}

export interface SimpleQuestion extends QuestionBase {
  kind: "date" | "user" | "url" | "email";
}

export interface ListQuestion extends QuestionBase {
  kind: "list";
  maxItems?: number;
}

export interface TableQuestion extends QuestionBase {
  kind: "table";
  columns: readonly TableColumn[];
  /** At most this many rows (default 30); `Infinity` for as many as fit in the box (a long mapping). */
  maxRows?: number;
  /** A mapping: the first two cells may be written `source -> target` (or `→`). */
  mapping?: boolean;
}

export type Question =
  | TextQuestion
  | NumberQuestion
  | ChoiceQuestion
  | SimpleQuestion
  | ListQuestion
  | TableQuestion;

export interface QuestionnaireSection {
  id: string;
  title: string;
  /** One or two sentences shown at the top of the section's modal. */
  intro?: string;
  /** Extra names people may type to jump to the section ("api", "migration"). */
  aliases?: readonly string[];
  questions: readonly Question[];
}

export interface Questionnaire {
  version: number;
  sections: readonly QuestionnaireSection[];
}
