import type { CarryOver } from "../../domain/questionnaire/carry-over.js";
import { withSystemNames } from "../../domain/text.js";
import type { MoveOutcome, QuestionnaireOverview } from "../../services/questionnaire-service.js";
import { ACTION } from "../ids.js";
import { actions, button, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** At most this many lines per list in a message: a section block holds 3,000 characters. */
const LIST_LINES = 12;

function listed(lines: readonly string[]): string {
  const shown = lines.slice(0, LIST_LINES).map((l) => `• ${l}`);
  if (lines.length > LIST_LINES) shown.push(`• …and ${lines.length - LIST_LINES} more`);
  return shown.join("\n");
}

const systemsOf = (o: { project: { systemA: string; systemB: string } }) => o.project;

/** What a move carries over, as the PM reads it: counts, what changes shape, what stays behind. */
function carryOverLines(carryOver: CarryOver, systems: { systemA: string; systemB: string }, done: boolean) {
  const lines = [
    `${carryOver.kept.length} ${carryOver.kept.length === 1 ? "answer carries" : "answers carry"} over unchanged.`,
  ];
  if (carryOver.reshaped.length > 0)
    lines.push(
      `*${done ? "Changed" : "Would change"} in shape:*\n${listed(
        carryOver.reshaped.map(
          (r) => `${escapeMrkdwn(withSystemNames(r.label, systems))}: ${escapeMrkdwn(r.note)}`,
        ),
      )}`,
    );
  if (carryOver.notCarried.length > 0)
    lines.push(
      `*${done ? "Not carried over" : "Would not carry over"} (kept in \`/intplan history\`):*\n${listed(
        carryOver.notCarried.map(
          (n) => `${escapeMrkdwn(withSystemNames(n.label, systems))}: ${escapeMrkdwn(n.reason)}`,
        ),
      )}`,
    );
  return lines;
}

/** `/intplan questionnaire [upgrade]`: the version, what the latest adds, and the button to move. */
export function buildQuestionnaireOverview(overview: QuestionnaireOverview): MessageContent {
  const name = `*${escapeMrkdwn(overview.project.name)}*`;
  if (!overview.preview) {
    const text = `${name} uses questionnaire version ${overview.version}, the latest.`;
    return { text, blocks: [section(text)] };
  }
  const head = `${name} uses questionnaire version ${overview.version}; the latest is version ${overview.latest}. New projects start on it; this project keeps its version until you move it.`;
  const added = overview.added.map(
    (s) => `*${escapeMrkdwn(s.section)}*: ${s.questions.map(escapeMrkdwn).join("; ")}`,
  );
  const addedText = `*Version ${overview.latest} adds:*\n${listed(added)}`;
  const moveText = carryOverLines(overview.preview, systemsOf(overview), false).join("\n");
  const confirm = {
    title: { type: "plain_text" as const, text: `Move to version ${overview.latest}?` },
    text: {
      type: "plain_text" as const,
      text: "The move cannot be undone. Answers the new version does not ask are kept in the project's history.",
    },
    confirm: { type: "plain_text" as const, text: "Move" },
    deny: { type: "plain_text" as const, text: "Not now" },
  };
  return {
    text: `${head} Version ${overview.latest} adds ${overview.added.reduce((n, s) => n + s.questions.length, 0)} questions.`,
    blocks: [
      section(head),
      section(addedText),
      section(`*Moving this project:*\n${moveText}`),
      actions("questionnaire_move", [
        {
          ...button(`Move to version ${overview.latest}`, ACTION.moveQuestionnaire, {
            value: String(overview.project.id),
            style: "primary",
          }),
          confirm,
        },
        button("Cancel", ACTION.cancelQuestionnaireMove, { value: String(overview.project.id) }),
      ]),
    ],
  };
}

/** Told to the person who moved the project (the moved outcome): what carried over and what did not. */
export function describeQuestionnaireMove(outcome: Extract<MoveOutcome, { kind: "moved" }>): string {
  const lines = [
    `Moved *${escapeMrkdwn(outcome.project.name)}* from questionnaire version ${outcome.from} to ${outcome.to}. The documents and the status board are being refreshed.`,
    ...carryOverLines(outcome.carryOver, outcome.project, true),
  ];
  if (outcome.draftsDropped > 0)
    lines.push(
      `${outcome.draftsDropped} unsaved ${outcome.draftsDropped === 1 ? "entry" : "entries"} of the interview had no place in the new version and ${outcome.draftsDropped === 1 ? "is" : "are"} kept in the history.`,
    );
  lines.push("`/intplan interview` shows the new questions.");
  return lines.join("\n");
}
