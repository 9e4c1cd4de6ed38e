/** auth.test, chat.*, pins.add and users.info for the Slack emulator (conversations: slack-emulator-conversations.ts). */
import { validateMessage } from "./block-kit-limits.js";
import {
  type EmulatorState,
  fail,
  type MethodHandler,
  type SlackAnswer,
  type SlackArgs,
  type SlackUser,
  type StoredMessage,
  stringArg,
} from "./slack-emulator-state.js";

export function channelMessages(state: EmulatorState, channel: string): StoredMessage[] {
  const existing = state.messages.get(channel);
  if (existing) return existing;
  const created: StoredMessage[] = [];
  state.messages.set(channel, created);
  return created;
}

const findMessage = (state: EmulatorState, channel: string | undefined, ts: string | undefined) =>
  channel && ts ? state.messages.get(channel)?.find((message) => message.ts === ts) : undefined;

/** Slack refuses a message without content (`no_text`) or with blocks that break Block Kit limits. */
function refuseMessage(args: SlackArgs, state: EmulatorState, method: string): SlackAnswer | undefined {
  if (args.text === undefined && args.blocks === undefined) return fail("no_text");
  const errors = validateMessage({ text: args.text, blocks: args.blocks });
  return errors.length > 0 ? state.reject(method, args, errors, "invalid_blocks") : undefined;
}

const asSlackMessage = (message: StoredMessage, state: EmulatorState) => ({
  type: "message",
  bot_id: state.botId,
  ...message,
});

const blocksOf = (args: SlackArgs) => (Array.isArray(args.blocks) ? args.blocks : undefined);

/**
 * A bot posts only where it is a member (https://docs.slack.dev/reference/methods/chat.postMessage):
 * `not_in_channel` ("Cannot post user messages to a channel they are not in") for a public channel without
 * `chat:write.public`, which intplan does not ask for, and `channel_not_found` for a private one it cannot
 * see. Only channels a test declared (emulator.addChannel) say who is in them; any other has the bot in it.
 */
export function refuseOutsider(state: EmulatorState, channel: string): SlackAnswer | undefined {
  // A direct message conversation is reached through the id conversations.open gave; any other D… id is
  // not a conversation the bot has (chat.postMessage's `channel_not_found`).
  if (channel.startsWith("D")) return state.ims.has(channel) ? undefined : fail("channel_not_found");
  const declared = state.channels.get(channel);
  if (!declared || declared.members.has(state.botUserId)) return undefined;
  return fail(declared.is_private ? "channel_not_found" : "not_in_channel");
}

const postMessage: MethodHandler = (args, state, method) => {
  const channel = stringArg(args, "channel");
  if (!channel) return fail("channel_not_found");
  const outsider = refuseOutsider(state, channel);
  if (outsider) return outsider;
  const refusal = refuseMessage(args, state, method);
  if (refusal) return refusal;
  const message: StoredMessage = {
    channel,
    ts: state.newTs(),
    text: stringArg(args, "text") ?? "",
    blocks: blocksOf(args),
    user: state.botUserId,
    thread_ts: stringArg(args, "thread_ts"),
  };
  channelMessages(state, channel).push(message);
  return { ok: true, channel, ts: message.ts, message: asSlackMessage(message, state) };
};

const postEphemeral: MethodHandler = (args, state, method) => {
  const channel = stringArg(args, "channel");
  const user = stringArg(args, "user");
  if (!channel) return fail("channel_not_found");
  if (!user) return fail("user_not_in_channel");
  const refusal = refuseMessage(args, state, method);
  if (refusal) return refusal;
  const message_ts = state.newTs();
  state.ephemeralMessages.push({
    channel,
    user,
    text: stringArg(args, "text") ?? "",
    blocks: blocksOf(args),
    message_ts,
  });
  return { ok: true, message_ts };
};

const update: MethodHandler = (args, state, method) => {
  const message = findMessage(state, stringArg(args, "channel"), stringArg(args, "ts"));
  if (!message) return fail("message_not_found");
  const refusal = refuseMessage(args, state, method);
  if (refusal) return refusal;
  if (args.text !== undefined) message.text = stringArg(args, "text") ?? "";
  if (args.blocks !== undefined) message.blocks = blocksOf(args);
  message.edited = { ts: state.newTs() };
  const { channel, ts, text } = message;
  return { ok: true, channel, ts, text, message: asSlackMessage(message, state) };
};

const getPermalink: MethodHandler = (args, state) => {
  const message = findMessage(state, stringArg(args, "channel"), stringArg(args, "message_ts"));
  if (!message) return fail("message_not_found");
  const permalink = `https://emulator.slack.com/archives/${message.channel}/p${message.ts.replace(".", "")}`;
  return { ok: true, channel: message.channel, permalink };
};

const pin: MethodHandler = (args, state) => {
  const message = findMessage(state, stringArg(args, "channel"), stringArg(args, "timestamp"));
  if (!message) return fail("message_not_found");
  const pinned = state.pins.get(message.channel) ?? new Set<string>();
  if (pinned.has(message.ts)) return fail("already_pinned");
  state.pins.set(message.channel, pinned.add(message.ts));
  return { ok: true };
};

const authTest: MethodHandler = (_args, state) => ({
  ok: true,
  url: "https://emulator.slack.com/",
  team: "Emulated Workspace",
  user: "intplan",
  team_id: state.teamId,
  user_id: state.botUserId,
  bot_id: state.botId,
  is_enterprise_install: false,
});

const defaultUser = (id: string, teamId: string): SlackUser => ({
  id,
  team_id: teamId,
  name: `user-${id.toLowerCase()}`,
  real_name: `User ${id}`,
  tz: "UTC",
  is_bot: false,
  profile: { display_name: `user-${id.toLowerCase()}`, real_name: `User ${id}` },
});

/**
 * users.info (https://docs.slack.dev/reference/methods/users.info): a deactivated account is still answered,
 * with `deleted: true`; an id that is not a user of the workspace is `user_not_found` ("Value passed for user
 * was invalid"). The emulated workspace has every well-formed user id a test names (a generated name),
 * except the ones in `unknownUsers`.
 */
const usersInfo: MethodHandler = (args, state) => {
  const id = stringArg(args, "user");
  if (!id || !/^[UW][A-Z0-9_]+$/.test(id) || state.unknownUsers.has(id)) return fail("user_not_found");
  const user = state.users.get(id) ?? defaultUser(id, state.teamId);
  return { ok: true, user: { team_id: state.teamId, ...user } };
};

export const chatMethods: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.getPermalink": getPermalink,
  "pins.add": pin,
  "users.info": usersInfo,
};
