import { answerState, type TableRow } from "../domain/questionnaire/answers.js";
import { allQuestions, type Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { type FieldValue, unanswered, whereOf } from "./answer-fields.js";
import { contactsView } from "./ops-views.js";
import type { DocumentInput } from "./render-input.js";
import { type ContextArgs, companionContext } from "./suite-context.js";
import { splitOutcome } from "./tests-context.js";

/**
 * The Support Playbook's common failures: each a failure the interview names (a system's known quirk, a
 * risk, an error scenario) and its fix, both from an answer. The interview asks for no fixes for quirks or
 * scenarios: a quirk or scenario typed "cause → fix" carries its fix; anything else is an `Unanswered` marker
 * saying where to write it, never a guessed fix. What support would see is not asked either, so the playbook
 * has no column for it (a column of markers only); a PM adds it with `/intplan edit playbook`.
 */
interface Failure {
  cause: FieldValue;
  fix: FieldValue;
}

/** Where the PM writes what the interview does not ask: the playbook's own section edit. */
const EDIT_PLAYBOOK = "/intplan edit playbook";

const isList = (value: FieldValue | undefined): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string");

class FailureReader {
  private readonly questions;

  constructor(
    private readonly input: DocumentInput,
    private readonly questionnaire: Questionnaire,
    private readonly answer: Record<string, FieldValue>,
  ) {
    this.questions = new Map(allQuestions(questionnaire).map((q) => [q.id, q]));
  }

  /** Answered "N/A" or "None": nothing to list. */
  notApplicable(id: string): boolean {
    const question = this.questions.get(id);
    return question !== undefined && answerState(this.input.answers[id], question) === "not_applicable";
  }

  private where(id: string): string {
    return whereAnswered(this.questionnaire, id, this.input.project) ?? EDIT_PLAYBOOK;
  }

  /**
   * A list answer's items as failures, each typed "cause → fix" or the cause alone; `none` when answered
   * "None" or "N/A", else the rows or the answer's marker.
   */
  causes(id: string, fallbackFix: () => FieldValue): { none: boolean; rows: Failure[] | FieldValue } {
    const value = this.answer[id];
    if (value === undefined) throw new Error(`No question "${id}" for the playbook.`);
    if (this.notApplicable(id)) return { none: true, rows: [] };
    if (!isList(value)) return { none: false, rows: value };
    const rows = value.map((typed) => {
      const { what, result } = splitOutcome(typed);
      return { cause: what, fix: result ?? fallbackFix() };
    });
    return { none: false, rows };
  }

  /** A fix nobody wrote for one of a question's items: where to write it, in the shape that carries it. */
  missingFix(id: string): FieldValue {
    return unanswered(`${this.where(id)}, written as "cause → fix", or ${EDIT_PLAYBOOK}`);
  }

  /** The risks: the risk is the likely cause, its mitigation the fix, with its owner. */
  risks(): Array<Failure & { owner: string }> | FieldValue {
    const value = this.answer.risks;
    if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== "object") return value ?? [];
    return (value as TableRow[]).map((row) => ({
      cause: `${row.risk ?? ""} (likelihood ${row.likelihood || "not stated"}, impact ${row.impact || "not stated"})`,
      fix: row.mitigation?.trim() ? row.mitigation : unanswered(`${this.where("risks")}: its mitigation`),
      owner: row.owner ?? "",
    }));
  }
}

/** OAuth 2.0 systems, whose tokens support must check are still being refreshed. */
function oauthSystems(input: DocumentInput): string[] {
  const { project, answers } = input;
  return [
    [project.systemA, answers.system_a_auth_method],
    [project.systemB, answers.system_b_auth_method],
  ].flatMap(([system, method]) => (method === "oauth2" && typeof system === "string" ? [system] : []));
}

/** Everything the playbook template reads. */
export function buildPlaybookContext(...args: ContextArgs) {
  const [input, questionnaire] = args;
  const base = companionContext("playbook", ...args);
  const { answer } = base;
  const { systemA, systemB } = input.project;
  const reader = new FailureReader(input, questionnaire, answer);
  const recoveryAnswered = ["retry_logic", "fallback_behavior", "recovery_process"].some(
    (id) => whereOf(answer[id]) === null,
  );
  return {
    ...base,
    contacts: contactsView(input, answer),
    failures: {
      quirks: [
        {
          section: "3.2",
          system: systemA,
          ...reader.causes("system_a_quirks", () => reader.missingFix("system_a_quirks")),
        },
        {
          section: "3.3",
          system: systemB,
          ...reader.causes("system_b_quirks", () => reader.missingFix("system_b_quirks")),
        },
      ],
      risks: reader.risks(),
      scenarios: reader.causes("error_scenarios", () => reader.missingFix("error_scenarios")),
    },
    /** Whether 3.1 has anything to say: the scenarios point to it without claiming it fixes them. */
    recoveryAnswered,
    oauthSystems: oauthSystems(input),
  };
}
