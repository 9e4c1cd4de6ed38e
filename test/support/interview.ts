import type { StateValues } from "../../emulator/signed-client.js";
import { type AnswerValue, formatAnswerForInput } from "../../src/domain/questionnaire/answers.js";
import {
  QUESTIONNAIRE_V3,
  type Question,
  type QuestionKind,
  type QuestionnaireSection,
} from "../../src/domain/questionnaire/definition.js";
import { form } from "./forms.js";
import type { TestApp } from "./harness.js";
import { openedViewId } from "./projects.js";

/** A valid answer for any question, as Slack's view state carries it. */
export function validStateFor(question: Question): Record<string, unknown> {
  switch (question.kind) {
    case "short_text":
      return form.text(`Answer to ${question.id}`);
    case "long_text":
      return form.text(`A longer answer to ${question.id}.\nIt has two lines.`);
    case "number":
      return form.number(String(question.min ?? 1));
    case "single_select":
      return form.select(question.options[0]?.value ?? null);
    case "multi_select":
      return form.multi([question.options[0]?.value ?? ""]);
    case "checkboxes":
      return form.checkboxes([question.options[0]?.value ?? ""]);
    case "date":
      return form.date("2027-01-15");
    case "user":
      return form.user("U0LEAD");
    case "url":
      return form.url("https://example.com/docs");
    case "email":
      return form.email("ops@example.com");
    case "list":
      return form.text("First item\nSecond item");
    case "table":
      return form.text(question.columns.map((c) => c.options?.[0] ?? `${c.label} value`).join(" | "));
  }
}

/** The state of a section's modal with every question answered, plus any overrides by question id. */
export function sectionState(
  section: QuestionnaireSection,
  overrides: Record<string, Record<string, unknown>> = {},
): StateValues {
  return Object.fromEntries(
    section.questions.map((q) => [q.id, { [q.id]: overrides[q.id] ?? validStateFor(q) }]),
  );
}

const EMPTY: Record<QuestionKind, () => Record<string, unknown>> = {
  short_text: () => form.text(null),
  long_text: () => form.text(null),
  list: () => form.text(null),
  table: () => form.text(null),
  number: () => form.number(null),
  single_select: () => form.select(null),
  multi_select: () => form.multi([]),
  checkboxes: () => form.checkboxes([]),
  date: () => form.date(null),
  user: () => form.user(null),
  url: () => form.url(null),
  email: () => form.email(null),
};

/** The state of a section's modal with nothing typed but the overrides. */
export function partialSectionState(
  section: QuestionnaireSection,
  overrides: Record<string, Record<string, unknown>>,
): StateValues {
  return Object.fromEntries(
    section.questions.map((q) => [q.id, { [q.id]: overrides[q.id] ?? EMPTY[q.kind]() }]),
  );
}

/** A stored answer as Slack's view state would carry it when someone had typed or picked it. */
export function stateForAnswer(question: Question, value: AnswerValue): Record<string, unknown> {
  const raw = formatAnswerForInput(question, value);
  const one = typeof raw === "string" ? raw : null;
  const many = Array.isArray(raw) ? [...raw] : [];
  switch (question.kind) {
    case "number":
      return form.number(one);
    case "single_select":
      return form.select(one);
    case "multi_select":
      return form.multi(many);
    case "checkboxes":
      return form.checkboxes(many);
    case "date":
      return form.date(one);
    case "user":
      return form.user(one);
    case "url":
      return form.url(one);
    case "email":
      return form.email(one);
    default:
      return form.text(one);
  }
}

/** A section's modal state holding exactly the given answers (the rest left empty). */
export function sectionStateFromAnswers(
  section: QuestionnaireSection,
  answers: Readonly<Record<string, AnswerValue>>,
): StateValues {
  const typed = Object.fromEntries(
    section.questions.flatMap((q) =>
      answers[q.id] === undefined ? [] : [[q.id, stateForAnswer(q, answers[q.id] as AnswerValue)]],
    ),
  );
  return partialSectionState(section, typed);
}

interface ShownBlock {
  block_id?: string;
  element?: {
    type?: string;
    initial_value?: string;
    initial_option?: { value?: string };
    initial_options?: { value?: string }[];
    initial_date?: string;
    initial_user?: string;
  };
}

/**
 * What Slack sends back for a section's modal nobody touched: each input's initial value, per question.
 * Overrides stand for the questions the person changed.
 */
export function stateShownIn(
  section: QuestionnaireSection,
  view: { blocks: readonly ShownBlock[] },
  overrides: Record<string, Record<string, unknown>> = {},
): StateValues {
  const shown = (q: Question): Record<string, unknown> => {
    const element = view.blocks.find((b) => b.block_id === q.id)?.element ?? {};
    const picked = (element.initial_options ?? []).map((o) => o.value ?? "");
    switch (element.type) {
      case "number_input":
        return form.number(element.initial_value ?? null);
      case "static_select":
        return form.select(element.initial_option?.value ?? null);
      case "multi_static_select":
        return form.multi(picked);
      case "checkboxes":
        return form.checkboxes(picked);
      case "datepicker":
        return form.date(element.initial_date ?? null);
      case "users_select":
        return form.user(element.initial_user ?? null);
      case "url_text_input":
        return form.url(element.initial_value ?? null);
      case "email_text_input":
        return form.email(element.initial_value ?? null);
      default:
        return form.text(element.initial_value ?? null);
    }
  };
  return Object.fromEntries(section.questions.map((q) => [q.id, { [q.id]: overrides[q.id] ?? shown(q) }]));
}

/**
 * `/intplan interview <index + 1>` in `channelId`, and its modal submitted with every question of that
 * section answered (plus any overrides by question id), as a person would; resolves when the app is idle.
 */
export async function answerSectionThroughSlack(
  t: TestApp,
  options: {
    channelId: string;
    userId: string;
    index: number;
    overrides?: Record<string, Record<string, unknown>>;
  },
) {
  const section = QUESTIONNAIRE_V3.sections[options.index];
  if (!section) throw new Error(`no section ${options.index}`);
  const { channelId, userId } = options;
  const res = await t.slack.command({ text: `interview ${options.index + 1}`, channelId, userId });
  await t.idle();
  const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
  const view = open.args.view as { callback_id: string; private_metadata: string };
  await t.slack.viewSubmission({
    userId,
    viewId: openedViewId(open),
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata,
    values: sectionState(section, options.overrides),
  });
  await t.idle();
}
