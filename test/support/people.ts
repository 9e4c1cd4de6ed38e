import type { SlackUser } from "../../emulator/slack-emulator-state.js";

/** A person of the emulated workspace, as users.info answers them (`deleted`: a deactivated account). */
export const person = (id: string, profile: { display_name: string; real_name: string }, deleted = false) =>
  ({
    id,
    name: id.toLowerCase(),
    real_name: profile.real_name,
    tz: "UTC",
    is_bot: false,
    deleted,
    profile,
  }) satisfies SlackUser;
