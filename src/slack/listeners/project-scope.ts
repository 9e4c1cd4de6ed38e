import type { RespondFn } from "@slack/bolt";
import type { Place } from "../../services/service-deps.js";

/** Where an interaction comes from, read the same way by every listener. */

/** The fields of an interaction's body that say where it comes from (buttons, modals, shortcuts). */
export interface InteractionBody {
  team?: { id: string } | null;
  user: { team_id?: string };
  channel?: { id: string } | null;
}

/** The workspace a request comes from: the team, else (Enterprise Grid, some payloads) the user's team. */
export const workspaceOf = (body: InteractionBody): string => body.team?.id ?? body.user.team_id ?? "";

/** The workspace and channel of a request; `channelId` when it is known otherwise (a modal's metadata). */
export const placeOf = (body: InteractionBody, channelId?: string): Place => ({
  teamId: workspaceOf(body),
  channelId: channelId ?? body.channel?.id ?? undefined,
});

/** What a button says when its project is not this channel's (any more). */
const NOT_HERE = "This button belongs to a project that is not in this channel any more.";

/**
 * The one way a button answers "no project here": just for the person who pressed it, below the message
 * (which stays as it is, unless `replace`).
 */
export const tellNotHere = (respond: RespondFn, text: string = NOT_HERE, replace = false) =>
  respond({ response_type: "ephemeral", replace_original: replace, text });
