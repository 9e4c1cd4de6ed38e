import { DOCUMENT_KINDS, DOCUMENT_TITLES } from "../../domain/document-kinds.js";
import type { Usage } from "../command-grammar.js";
import { context, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** The help text: the subcommands that exist, one line each with usage. */
export function buildHelpMessage(usages: readonly Usage[], intro?: string): MessageContent {
  // Usages hold `<id>`, `<document>`: Slack reads `<…>` as its own markup, so `<`, `>` and `&` are escaped.
  const lines = usages.map((u) => `\`${escapeMrkdwn(u.usage)}\`  ${escapeMrkdwn(u.description)}`);
  return {
    text: `${intro ? `${intro}\n` : ""}intplan commands:\n${usages.map((u) => escapeMrkdwn(u.usage)).join("\n")}`,
    blocks: [
      ...(intro ? [section(intro)] : []),
      section(`*intplan* plans and runs an integration project in this channel.\n${lines.join("\n")}`),
      context(
        `\`&lt;document&gt;\` is one of: ${DOCUMENT_KINDS.map((k) => `\`${k}\` (${DOCUMENT_TITLES[k]})`).join(", ")}.`,
      ),
      context("Start with `/intplan new`. Everything is saved as you go."),
    ],
  };
}

/** An ephemeral error with the usage that would have worked. */
export function buildUsageError(rawError: string, usage: string | null): MessageContent {
  const error = escapeMrkdwn(rawError);
  const hint = usage ? `Usage: \`${escapeMrkdwn(usage)}\`` : "Try `/intplan help` for the list of commands.";
  return { text: `${error} ${hint}`, blocks: [section(`:warning: ${error}\n${hint}`)] };
}

export function buildNoProjectMessage(): MessageContent {
  const text =
    "This channel has no integration project yet. Create one with `/intplan new` (one project per channel).";
  return { text, blocks: [section(text)] };
}
