/**
 * What a Slack user id looks like (U… or W…, then capitals and digits). The one copy of the pattern: the
 * domain does not know it, so the Slack edge passes `isSlackUserId` in where the domain checks a person.
 */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export const isSlackUserId = (value: string): boolean => SLACK_USER_ID.test(value);
