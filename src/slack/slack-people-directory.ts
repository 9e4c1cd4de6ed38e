import type { WebClient } from "@slack/web-api";
import type { DirectoryName } from "../documents/people-presentation.js";
import type { PeopleDirectory } from "../services/people-directory.js";
import { slackErrorCode } from "./slack-error-code.js";

/**
 * People's and channels' names from Slack (users.info: https://docs.slack.dev/reference/methods/users.info,
 * scope users:read; conversations.info: https://docs.slack.dev/reference/methods/conversations.info, scopes
 * channels:read and groups:read). A person reads as their display name, else their full name, else their
 * username; a deactivated account (`deleted: true`) or an id Slack does not know (`user_not_found`: "Value
 * passed for user was invalid") is gone, as is a channel Slack answers `channel_not_found` for. Any other
 * failure (network, rate limit, a missing scope) throws, and the cache (services/people-directory.ts) makes
 * it `unavailable` for that render.
 */
export function slackPeopleDirectory(client: WebClient): PeopleDirectory {
  return {
    async person(id) {
      try {
        const { user } = await client.users.info({ user: id });
        if (!user || user.deleted) return { status: "gone" };
        const name = [user.profile?.display_name, user.real_name, user.profile?.real_name, user.name]
          .map((candidate) => candidate?.trim())
          .find((candidate) => candidate);
        return name ? { status: "named", name } : ({ status: "unavailable" } satisfies DirectoryName);
      } catch (error) {
        if (slackErrorCode(error) === "user_not_found") return { status: "gone" };
        throw error;
      }
    },
    async timeZone(id) {
      // users.info's user object carries `tz` ("America/Los_Angeles"), the zone of the person's profile.
      try {
        const { user } = await client.users.info({ user: id });
        return user && !user.deleted && user.tz ? user.tz : undefined;
      } catch (error) {
        if (slackErrorCode(error) === "user_not_found") return undefined;
        throw error;
      }
    },
    async channel(id) {
      try {
        const { channel } = await client.conversations.info({ channel: id });
        return channel?.name ? { status: "named", name: channel.name } : { status: "gone" };
      } catch (error) {
        if (slackErrorCode(error) === "channel_not_found") return { status: "gone" };
        throw error;
      }
    },
  };
}
