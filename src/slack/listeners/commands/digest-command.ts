import { rateLimitDelayMs } from "../../clients.js";
import { postDigest, projectDigest } from "../../digest-poster.js";
import { slackErrorCode } from "../../slack-error-code.js";
import { section } from "../../views/block-kit.js";
import { defineSubcommand } from "./define-subcommand.js";

/** Why the digest is not in the channel, and what to do, in plain words. */
function whyNoDigest(code: string | undefined): string {
  if (code === "not_in_channel" || code === "channel_not_found")
    return "I could not post the digest in this channel: I am not in it. Invite me with `/invite @intplan` and run `/intplan digest` again.";
  if (code === "is_archived") return "This channel is archived, so I could not post the digest in it.";
  if (code === "ratelimited")
    return "Slack is limiting how fast I can post in this channel just now. Run `/intplan digest` again in a minute.";
  return `Slack did not accept the digest just now${code ? ` (it said \`${code}\`)` : ""}. Run \`/intplan digest\` again in a minute.`;
}

/**
 * `/intplan digest`: posts the project's digest in the channel now, as the weekly one would be. It leaves
 * the weekly digest's schedule alone. When Slack will not take it, the person who asked is told why, with
 * the digest itself, privately; nothing else is sent.
 */
export const digestCommand = defineSubcommand({
  name: "digest",
  needsProject: true,
  async handle({ project, body, ack, respond, client, deps }) {
    await ack();
    const args = { now: deps.clock(), reason: "asked" as const, actorId: body.user_id };
    let posted: Awaited<ReturnType<typeof postDigest>>;
    try {
      posted = await postDigest(client, deps, { projectId: project.id, ...args });
    } catch (error) {
      const code = rateLimitDelayMs(error) === undefined ? slackErrorCode(error) : "ratelimited";
      deps.logger.warn(`The digest of project ${project.id} was not posted (${code ?? "network"})`);
      const why = whyNoDigest(code);
      const digest = (await projectDigest(deps, project.id, args))?.content;
      await respond({
        response_type: "ephemeral",
        text: digest ? `${why}\n${digest.text}` : why,
        blocks: [section(`:warning: ${why}`), ...(digest?.blocks ?? [])].slice(0, 50),
      });
      return;
    }
    await respond({
      response_type: "ephemeral",
      // Deleted while the digest was being read: there is nothing left to post about.
      text: posted ? "Posted this week's digest in the channel." : "This channel's project was just deleted.",
    });
  },
});
