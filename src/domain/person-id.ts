/**
 * Whether a value names a person the way the chat platform identifies people. The domain does not know
 * the platform's format: the edge that does passes its check in (Slack's is src/slack/slack-user-id.ts).
 */
export type IsPersonId = (value: string) => boolean;

/** What a person is told when a "person" field holds something else. */
export const NOT_A_PERSON = "Pick a person from the list.";
