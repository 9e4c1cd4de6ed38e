import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AskRow, ProjectRow } from "../../../db/schema.js";
import type { Logger } from "../../../logger.js";
import {
  type AskedSection,
  askedSections,
  askPerson,
  cancelAsks,
  rememberAskMessage,
  resolveAskSections,
  waitingOn,
} from "../../../services/asks-service.js";
import { usageOf } from "../../command-grammar.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { readOptionalNote } from "../../slack-text.js";
import {
  agoText,
  buildAskList,
  buildAskMessage,
  buildCancelAllConfirmation,
} from "../../views/ask-messages.js";
import { buildUsageError } from "../../views/help.js";
import { escapeMrkdwn, mention } from "../../views/mrkdwn.js";
import { plainMessage } from "../../views/plain-message.js";
import { askerName, updateAskMessages } from "../ask-message-updates.js";
import { defineSubcommand } from "./define-subcommand.js";

/** A note with an ask: a sentence or two for the person asked. */
const ASK_NOTE_MAX = 500;

const reply = (respond: RespondFn, text: string) =>
  respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(text.trim()) });

/** What users.info says about the person asked, or why they cannot be asked. */
type PersonCheck = { ok: true; external: boolean } | { ok: false; why: string };

/**
 * users.info (https://docs.slack.dev/reference/methods/users.info): `user_not_found` for an id that is no
 * user; the user object's `is_bot`, `deleted`, and `team_id` (another workspace's for someone from another
 * organisation in a shared channel), `is_stranger` for someone the app sees only through Slack Connect.
 */
async function checkPerson(client: WebClient, personId: string, teamId: string): Promise<PersonCheck> {
  const who = mention(personId);
  try {
    const { user } = await client.users.info({ user: personId });
    if (!user) return { ok: false, why: `Slack does not know ${who}.` };
    if (user.is_bot || personId === "USLACKBOT") return { ok: false, why: `${who} is an app, not a person.` };
    if (user.deleted) return { ok: false, why: `${who}'s account is deactivated.` };
    const external = user.is_stranger === true || (user.team_id !== undefined && user.team_id !== teamId);
    return { ok: true, external };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === "user_not_found" || code === "user_not_visible")
      return { ok: false, why: `${who} is not a person I can find in this workspace.` };
    return {
      ok: false,
      why: `Slack did not say who ${who} is just now (${escapeMrkdwn(code ?? "no answer")}); please try again.`,
    };
  }
}

/** conversations.info's `is_ext_shared`: the channel is shared with another organisation (Slack Connect). */
async function isExternallyShared(client: WebClient, channelId: string, logger: Logger): Promise<boolean> {
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    return channel?.is_ext_shared === true;
  } catch (error) {
    logger.warn(`conversations.info on ${channelId} failed (${slackErrorCode(error) ?? "no answer"})`);
    return false;
  }
}

/** Why a DM did not reach the person, in plain words (conversations.open's and chat.postMessage's errors). */
function whyNoDm(code: string | undefined): string {
  switch (code) {
    case "cannot_dm_bot":
      return "Slack does not let me message an app";
    case "user_disabled":
      return "their account is deactivated";
    case "user_not_found":
    case "user_not_visible":
      return "Slack could not find them";
    case "invalid_user_combination":
      return "they are in another organisation and share no channel with me";
    case "missing_scope":
    case "not_allowed_token_type":
      return "I am not allowed to send direct messages in this workspace (the app needs the `im:write` scope)";
    case "ratelimited":
      return "Slack is limiting how fast I can send messages just now";
    default:
      return `Slack did not take the message (${escapeMrkdwn(code ?? "no answer")})`;
  }
}

/** Sends the ask (a DM, or a mention in the project channel); the ts Slack gave, or why it did not take it. */
async function sendAsk(
  client: WebClient,
  args: {
    project: ProjectRow;
    personId: string;
    inChannel: boolean;
    content: ReturnType<typeof buildAskMessage>;
  },
): Promise<{ channel: string; ts: string } | { error: string | undefined }> {
  try {
    let channel = args.project.channelId;
    if (!args.inChannel) {
      const opened = await client.conversations.open({ users: args.personId });
      channel = opened.channel?.id ?? "";
      if (!channel) return { error: "channel_not_found" };
    }
    const posted = await client.chat.postMessage({ channel, ...args.content });
    return posted.ts ? { channel, ts: posted.ts } : { error: undefined };
  } catch (error) {
    return { error: slackErrorCode(error) ?? "no answer" };
  }
}

const sectionsText = (sections: readonly AskedSection[]) =>
  sections.map((s) => `*${escapeMrkdwn(s.label)}*`).join(", ");

/** The sections already owed, and since when: "5. Security (waiting since 2 days ago)". */
const alreadyText = (project: ProjectRow, rows: readonly AskRow[], now: Date) =>
  rows
    .map((row) => {
      const [section] = askedSections(project, [row.sectionId]);
      return `*${escapeMrkdwn(section?.label ?? row.sectionId)}* (asked ${agoText(row.askedAt, now)})`;
    })
    .join(", ");

/** `/intplan ask @person <sections…> [-- note]`: records the asks, then sends the person the button. */
export const askCommand = defineSubcommand({
  name: "ask",
  needsProject: true,
  async handle({ project, command, ack, body, client, deps, respond }) {
    const who = mention(command.personId);
    if (command.personId === body.user_id) {
      await ack(
        plainMessage(
          "Asking yourself would only send you a message: `/intplan interview <section>` opens any section for you. Nothing was asked.",
        ),
      );
      return;
    }
    const resolved = resolveAskSections(deps, project, command.sections);
    if (!resolved.ok) {
      const hint = command.sections.length > 0 ? " (A note goes after ` -- `.)" : "";
      await ack(buildUsageError(`${resolved.error}${hint}`, usageOf("ask")));
      return;
    }
    const note = readOptionalNote(command.note, ASK_NOTE_MAX);
    if (!note.ok) {
      await ack(buildUsageError(note.error, usageOf("ask")));
      return;
    }
    await ack();
    const person = await checkPerson(client, command.personId, project.teamId);
    if (!person.ok) {
      await reply(respond, `${person.why} Nothing was asked.`);
      return;
    }
    const { added, alreadyOpen } = askPerson(deps, {
      project,
      personId: command.personId,
      sectionIds: resolved.sections.map((s) => s.id),
      note: note.text,
      actorId: body.user_id,
    });
    const already =
      alreadyOpen.length > 0
        ? `${who} was already asked for ${alreadyText(project, alreadyOpen, deps.clock())}: still waiting, not asked again.`
        : "";
    if (added.length === 0) {
      await reply(respond, already);
      return;
    }
    const sections = askedSections(
      project,
      added.map((a) => a.sectionId),
    );
    // A DM is not possible with someone of another organisation in a shared channel: mention them there.
    const inChannel = person.external && (await isExternallyShared(client, project.channelId, deps.logger));
    const content = buildAskMessage({
      project,
      askedBy: body.user_id,
      personId: command.personId,
      sections,
      note: note.text,
      inChannel,
      askedByName: inChannel ? await askerName(deps, body.user_id) : undefined,
    });
    const sent = await sendAsk(client, { project, personId: command.personId, inChannel, content });
    if ("error" in sent) {
      deps.logger.warn(
        `The ask of project ${project.id} did not reach its person (${sent.error ?? "no ts"})`,
      );
      await reply(
        respond,
        `Asked ${who} for ${sectionsText(sections)}: the board shows it. But ${who} was *not notified*: ${whyNoDm(sent.error)}. Tell them yourself, or \`/intplan ask cancel ${who}\`. ${already}`,
      );
      return;
    }
    rememberAskMessage(deps, { asks: added, ...sent });
    const where = inChannel ? " in this channel (they are from another organisation, so no DM)" : "";
    await reply(
      respond,
      `Asked ${who}${where} for ${sectionsText(sections)}; the board shows it until they answer. ${already}`,
    );
  },
});

/** `/intplan ask cancel [@person] [sections…]`: asks no longer needed; everyone's after a confirmation. */
export const askCancelCommand = defineSubcommand({
  name: "ask-cancel",
  needsProject: true,
  async handle({ project, command, ack, body, client, deps }) {
    let sectionIds: string[] | undefined;
    if (command.sections.length > 0) {
      const resolved = resolveAskSections(deps, project, command.sections);
      if (!resolved.ok) {
        await ack(buildUsageError(resolved.error, usageOf("ask-cancel")));
        return;
      }
      sectionIds = resolved.sections.map((s) => s.id);
    }
    const waiting = waitingOn(deps, project);
    if (waiting.length === 0) {
      await ack(plainMessage("Nobody owes any answers in this project: there is nothing to cancel."));
      return;
    }
    if (!command.personId) {
      if (sectionIds) {
        await ack(
          buildUsageError(
            "Say whose asks to cancel, or cancel them all with `/intplan ask cancel`.",
            usageOf("ask-cancel"),
          ),
        );
        return;
      }
      await ack(buildCancelAllConfirmation(project.id, waiting));
      return;
    }
    const closed = cancelAsks(deps, {
      project,
      personId: command.personId,
      sectionIds,
      actorId: body.user_id,
    });
    const who = mention(command.personId);
    if (closed.length === 0) {
      await ack(
        plainMessage(`${who} owes nothing${sectionIds ? " of those sections" : ""}. Nothing was cancelled.`),
      );
      return;
    }
    const sections = askedSections(
      project,
      closed.map((a) => a.sectionId),
    );
    await ack(
      plainMessage(`Cancelled the ask of ${who} for ${sectionsText(sections)}; their message says so.`),
    );
    await updateAskMessages(client, deps, { project, closed, reason: "cancelled", by: body.user_id });
  },
});

/** `/intplan ask`: who owes what. */
export const askListCommand = defineSubcommand({
  name: "ask-list",
  needsProject: true,
  async handle({ project, ack, deps }) {
    await ack(buildAskList(waitingOn(deps, project), deps.clock()));
  },
});
