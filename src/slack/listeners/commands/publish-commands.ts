import type { DocumentKind } from "../../../domain/document-kinds.js";
import { publishForPerson } from "../document-delivery.js";
import { defineSubcommand, type ProjectCommandContext } from "./define-subcommand.js";

/**
 * `/intplan plan`, `/intplan discovery` and `/intplan publish <document>`: publish (or refresh) the document in
 * the channel; a companion document becomes a canvas only here, and is kept up to date after that.
 *
 * The ack is empty (Slack wants it within 3 seconds; publishing is a few Slack calls, done after it), then one
 * reply (../document-delivery.ts). A "Generating…" ack followed by the result would be two private messages:
 * a slash command's response_url cannot replace its first reply (emulator/slack-emulator-responses.ts).
 */
async function publishCommand(
  { project, ack, respond, client, body, deps }: ProjectCommandContext<"plan" | "discovery" | "publish">,
  kind: DocumentKind,
): Promise<void> {
  await ack();
  await publishForPerson(client, deps, { project, kind, userId: body.user_id, respond });
}

export const planCommand = defineSubcommand({
  name: "plan",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx, "plan"),
});

export const discoveryCommand = defineSubcommand({
  name: "discovery",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx, "discovery"),
});

export const publishDocumentCommand = defineSubcommand({
  name: "publish",
  needsProject: true,
  handle: (ctx) => publishCommand(ctx, ctx.command.doc),
});
