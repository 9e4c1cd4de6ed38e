import type { GoLiveOpen } from "../../domain/reminders/plan.js";
import { context, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { phaseTitle } from "./phase-messages.js";

/** A list this long is cut, with how many more there are: the board and `/intplan blockers` list them all. */
const MAX_LINES = 15;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listed(lines: string[]): string {
  if (lines.length <= MAX_LINES) return lines.join("\n");
  return [...lines.slice(0, MAX_LINES), `…and ${lines.length - MAX_LINES} more`].join("\n");
}

/**
 * The channel's go-live notice, `daysBefore` days before the target: what is still open for it (exit
 * criteria of the phases up to Deployment, open blockers, required questions unanswered). Mentions nobody:
 * it is the channel's news; the nudges go to the people who must act.
 */
export function buildGoLiveNotice(input: {
  project: { name: string };
  target: string;
  daysBefore: number;
  open: GoLiveOpen;
}): MessageContent {
  const { open } = input;
  const when = input.daysBefore === 1 ? "tomorrow" : `in ${input.daysBefore} days`;
  const headline = `:rocket: *${escapeMrkdwn(input.project.name)}* goes live ${when} (${input.target}).`;
  const nothingOpen =
    open.exitCriteria.length === 0 && open.blockers.length === 0 && open.requiredMissing === 0;
  const blocks: KnownBlock[] = [section(headline)];
  if (nothingOpen) {
    blocks.push(section("Nothing is open for it: every exit criterion is met, no blocker is open."));
  } else {
    if (open.exitCriteria.length > 0)
      blocks.push(
        section(
          `*${plural(open.exitCriteria.length, "exit criterion", "exit criteria")} still open*\n${listed(
            open.exitCriteria.map((c) => `• ${phaseTitle(c.phaseNumber)}: ${escapeMrkdwn(c.text)}`),
          )}`,
        ),
      );
    if (open.blockers.length > 0)
      blocks.push(
        section(
          `*${plural(open.blockers.length, "open blocker")}*\n${listed(
            open.blockers.map((b) => `• *#${b.number}* ${escapeMrkdwn(b.text)}`),
          )}`,
        ),
      );
    if (open.requiredMissing > 0)
      blocks.push(
        section(
          `*${plural(open.requiredMissing, "required question")} unanswered*: \`/intplan interview\` shows them.`,
        ),
      );
  }
  blocks.push(
    context("`/intplan status` shows where the project stands · `/intplan settings` changes these notices"),
  );
  const counts = [
    open.exitCriteria.length > 0 ? plural(open.exitCriteria.length, "exit criterion", "exit criteria") : "",
    open.blockers.length > 0 ? plural(open.blockers.length, "blocker") : "",
    open.requiredMissing > 0 ? plural(open.requiredMissing, "required question") : "",
  ].filter(Boolean);
  const text = `${input.project.name} goes live ${when} (${input.target}).${
    counts.length > 0 ? ` Still open: ${counts.join(", ")}.` : " Nothing is open for it."
  }`;
  return { text: escapeMrkdwn(text), blocks };
}
