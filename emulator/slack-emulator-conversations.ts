/**
 * conversations.info and users.conversations for the Slack emulator: the workspace's channels as tests declare
 * them (public, private, shared with another organisation, archived; who is in each), answered as Slack does.
 *
 * From Slack's docs:
 * - users.conversations (https://docs.slack.dev/reference/methods/users.conversations): "returns a list of all
 *   channel-like conversations accessible to the user or app tied to the presented token". "Using a bot user
 *   token, this method returns the channels and conversations your bot is party to. Specifying a user
 *   parameter filters to conversations your bot shares with that user"; "Browse the public channel
 *   membership of other users with the user parameter. Private channel membership is only listed when the
 *   calling user, bot user, or app shares membership". So, for a bot token: without `user`, the channels the
 *   bot is in; with `user`, the public channels that person is in, and the private ones both are in.
 *   `types` defaults to `public_channel` (a comma-separated mix of public_channel, private_channel, mpim, im;
 *   anything else is `invalid_types`); `exclude_archived` defaults to false. The objects are "limited":
 *   "We omit the is_member and num_members fields in this method's response."
 * - Pagination: `limit` "with a max of 999" (default 100; read strictly here: past it, or not a whole number
 *   of at least 1, is `invalid_limit`); `response_metadata.next_cursor` is the next page's `cursor`, an
 *   opaque string (Slack's look like base64 of `team:C061FA5PB`), empty on the last page; a cursor Slack did
 *   not give is `invalid_cursor` ("Value passed for cursor was not valid or is no longer valid.").
 * - conversations.info: a conversation object with `is_member` (the caller's, here the bot's). A bot token
 *   sees only the private channels it is in: any other private channel is `channel_not_found`. The
 *   conversation type (https://api.slack.com/types/conversation): "is_channel indicates whether a
 *   conversation is a public channel … is_private will be false"; "is_group means the channel is a private
 *   channel. is_private will also be true"; "is_ext_shared represents this conversation as being part of a
 *   Shared Channel with a remote organization … is_shared will also be true".
 * - Both are Tier 3 (slack-emulator-rate-limits.ts).
 * - conversations.open (https://docs.slack.dev/reference/methods/conversations.open): "Opens or resumes a
 *   direct message"; `users` is "Comma separated lists of users. If only one user is included, this creates
 *   a 1:1 DM"; "Subsequent calls to conversations.open with the same set of users will return the already
 *   existing conversation"; the typical answer is `{ok: true, channel: {id: "D069C7QFK"}}` (an IM id starts
 *   with D). Errors from the method's catalogue (the JSON SDKs ship, e.g. slack_kit's
 *   `priv/docs/methods/conversations.open.json`): `user_not_found` ("Value(s) passed for users was
 *   invalid"), `user_disabled` ("A specified user has been disabled"), `users_list_not_supplied`,
 *   `too_many_users` (more than 8), and `invalid_user_combination` ("All external people must already be in
 *   at least one channel together to send a message"). A bot user cannot be DMed: `cannot_dm_bot`, as
 *   reported when opening a DM with a bot user (github.com/yokonsan/claude-in-slack-api/issues/4). Only the
 *   one-person DM intplan uses is emulated (several users: `too_many_users` past 8, else a refusal the app
 *   never meets). Tier 3.
 *
 * A channel no test declared is answered by conversations.info as a public channel the bot is in (so tests
 * that never think about channels keep working) and is in nobody's users.conversations list.
 */
import {
  type EmulatedChannel,
  type EmulatorState,
  fail,
  type MethodHandler,
  type SlackArgs,
  stringArg,
} from "./slack-emulator-state.js";

/** How a test declares a channel: anything left out is a public, unshared, unarchived channel the bot is in. */
export interface ChannelSpec {
  id: string;
  name?: string;
  is_private?: boolean;
  /** Shared with another workspace or organisation. */
  is_shared?: boolean;
  /** Shared with a remote organisation (Slack Connect); implies is_shared. */
  is_ext_shared?: boolean;
  is_archived?: boolean;
  /** People in the channel (user ids), besides the bot. */
  members?: string[];
  /** Default true: the bot is in the channel. */
  botIsMember?: boolean;
}

export function declareChannel(state: EmulatorState, spec: ChannelSpec): void {
  const members = new Set(spec.members ?? []);
  if (spec.botIsMember ?? true) members.add(state.botUserId);
  state.channels.set(spec.id, {
    id: spec.id,
    name: spec.name ?? `channel-${spec.id.toLowerCase()}`,
    is_private: spec.is_private ?? false,
    is_ext_shared: spec.is_ext_shared ?? false,
    is_shared: (spec.is_shared ?? false) || (spec.is_ext_shared ?? false),
    is_archived: spec.is_archived ?? false,
    members,
  });
}

/** Changes a declared channel (made private, shared, archived; members added or removed). */
export function changeChannel(
  state: EmulatorState,
  id: string,
  changes: Omit<Partial<ChannelSpec>, "id">,
): void {
  const channel = state.channels.get(id);
  if (!channel) throw new Error(`No channel ${id} was declared with addChannel`);
  const botIsMember = changes.botIsMember ?? channel.members.has(state.botUserId);
  const members = changes.members ?? [...channel.members].filter((m) => m !== state.botUserId);
  declareChannel(state, {
    id,
    name: changes.name ?? channel.name,
    is_private: changes.is_private ?? channel.is_private,
    is_shared: changes.is_shared ?? channel.is_shared,
    is_ext_shared: changes.is_ext_shared ?? channel.is_ext_shared,
    is_archived: changes.is_archived ?? channel.is_archived,
    members,
    botIsMember,
  });
}

/** The conversation object as the docs' example has it, without is_member (users.conversations's "limited" form). */
function limitedConversation(channel: EmulatedChannel) {
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.is_private,
    is_group: channel.is_private,
    is_im: false,
    is_mpim: false,
    is_private: channel.is_private,
    is_archived: channel.is_archived,
    is_general: false,
    is_shared: channel.is_shared,
    is_ext_shared: channel.is_ext_shared,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    created: 1_700_000_000,
    creator: "U0CREATOR",
    unlinked: 0,
    topic: { value: "", creator: "", last_set: 0 },
    purpose: { value: "", creator: "", last_set: 0 },
    previous_names: [],
  };
}

const undeclaredChannel = (id: string): EmulatedChannel => ({
  id,
  name: `channel-${id.toLowerCase()}`,
  is_private: false,
  is_shared: false,
  is_ext_shared: false,
  is_archived: false,
  members: new Set(),
});

const conversationsInfo: MethodHandler = (args, state) => {
  const id = stringArg(args, "channel");
  if (!id) return fail("channel_not_found");
  const declared = state.channels.get(id);
  if (!declared)
    return { ok: true, channel: { ...limitedConversation(undeclaredChannel(id)), is_member: true } };
  const botIsMember = declared.members.has(state.botUserId);
  if (declared.is_private && !botIsMember) return fail("channel_not_found");
  return { ok: true, channel: { ...limitedConversation(declared), is_member: botIsMember } };
};

const CHANNEL_TYPES = ["public_channel", "private_channel", "mpim", "im"];
const encodeCursor = (channelId: string) => Buffer.from(`channel:${channelId}`).toString("base64");
const decodeCursor = (cursor: string): string | undefined => {
  const decoded = Buffer.from(cursor, "base64").toString("utf8");
  return decoded.startsWith("channel:") && encodeCursor(decoded.slice(8)) === cursor
    ? decoded.slice(8)
    : undefined;
};

const flag = (args: SlackArgs, name: string) =>
  args[name] === true || args[name] === "true" || args[name] === "1";

const usersConversations: MethodHandler = (args, state) => {
  const types = (stringArg(args, "types") ?? "public_channel").split(",").map((t) => t.trim());
  if (types.some((t) => !CHANNEL_TYPES.includes(t))) return fail("invalid_types");
  const limitArg = args.limit === undefined ? "100" : String(args.limit);
  const limit = Number(limitArg);
  if (!/^\d+$/.test(limitArg) || limit < 1 || limit > 999) return fail("invalid_limit");
  const cursor = stringArg(args, "cursor");
  const from = cursor ? decodeCursor(cursor) : "";
  if (from === undefined) return fail("invalid_cursor");
  const user = stringArg(args, "user");
  const excludeArchived = flag(args, "exclude_archived");
  const listed = [...state.channels.values()]
    .filter((c) => types.includes(c.is_private ? "private_channel" : "public_channel"))
    .filter((c) => !(excludeArchived && c.is_archived))
    .filter((c) => {
      const botIn = c.members.has(state.botUserId);
      if (!user) return botIn;
      return c.members.has(user) && (!c.is_private || botIn);
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((c) => c.id >= from);
  const page = listed.slice(0, limit);
  const next = listed[limit];
  return {
    ok: true,
    channels: page.map(limitedConversation),
    response_metadata: { next_cursor: next ? encodeCursor(next.id) : "" },
  };
};

/** The IM id of the bot's DM with a person: one per person, the same on every call. */
function imOf(state: EmulatorState, userId: string): string {
  for (const [id, user] of state.ims) if (user === userId) return id;
  const id = state.newId("D");
  state.ims.set(id, userId);
  return id;
}

/** Someone of another organisation (Slack Connect) who is in a channel with the bot. */
const sharesChannelWithBot = (state: EmulatorState, userId: string) =>
  [...state.channels.values()].some((c) => c.members.has(userId) && c.members.has(state.botUserId));

const conversationsOpen: MethodHandler = (args, state) => {
  const users = (stringArg(args, "users") ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return fail("users_list_not_supplied");
  if (users.length > 8) return fail("too_many_users");
  if (users.length > 1) return fail("method_not_supported_for_channel_type");
  const [userId = ""] = users;
  if (!/^[UW][A-Z0-9_]+$/.test(userId) || state.unknownUsers.has(userId)) return fail("user_not_found");
  const user = state.users.get(userId);
  if (user?.is_bot || userId === state.botUserId) return fail("cannot_dm_bot");
  if (user?.deleted) return fail("user_disabled");
  const external = user?.team_id !== undefined && user.team_id !== state.teamId;
  if (external && !sharesChannelWithBot(state, userId)) return fail("invalid_user_combination");
  return { ok: true, channel: { id: imOf(state, userId) } };
};

export const conversationMethods: Record<string, MethodHandler> = {
  "conversations.open": conversationsOpen,
  "conversations.info": conversationsInfo,
  "users.conversations": usersConversations,
};
