/**
 * Whether a value names a person the way the chat platform identifies people. The domain's rules do not
 * depend on the platform's format: the edge passes its check in (Slack's is src/slack/slack-user-id.ts).
 */
export type IsPersonId = (value: string) => boolean;

/** What a person is told when a "person" field holds something else. */
export const NOT_A_PERSON = "Pick a person from the list.";

/**
 * The one shape of the ids people and channels are stored by (Slack's: a user is U… or W…, a channel C… or
 * G…, then capitals and digits). Both the Slack edge (`isSlackUserId`) and the documents (which may not
 * import the edge, and only ever name a person or a channel by a stored id) check against these.
 */
const PERSON_ID_SHAPE = /^[UW][A-Z0-9]{2,}$/;
const CHANNEL_ID_SHAPE = /^[CG][A-Z0-9]{2,}$/;

export const hasPersonIdShape = (value: string): boolean => PERSON_ID_SHAPE.test(value);
export const hasChannelIdShape = (value: string): boolean => CHANNEL_ID_SHAPE.test(value);
