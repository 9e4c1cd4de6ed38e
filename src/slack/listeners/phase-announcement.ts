import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import type { PhaseChanged } from "../../services/phases-service.js";
import { postToChannel } from "../post.js";
import { buildPhaseAnnouncement } from "../views/phase-messages.js";

/** Tells the channel who moved which phase where: after `/intplan phase` and after a sign-off. */
export async function announcePhaseChange(
  client: WebClient,
  deps: Pick<AppDeps, "logger">,
  args: { project: ProjectRow; change: PhaseChanged; actorId: string; respond?: RespondFn },
): Promise<void> {
  await postToChannel(client, deps.logger, {
    channelId: args.project.channelId,
    userId: args.actorId,
    respond: args.respond,
    content: buildPhaseAnnouncement({
      actorId: args.actorId,
      phase: args.change.phase,
      previousStatus: args.change.previousStatus,
    }),
  });
}
