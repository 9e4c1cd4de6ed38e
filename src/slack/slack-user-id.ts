/**
 * What a Slack user id looks like (U… or W…, then capitals and digits). The domain does not know it, so the
 * Slack edge passes `isSlackUserId` in where the domain checks a person. The documents' mention helper
 * (documents/template-helpers.ts) still checks the same shape itself before it writes `<@id>`: how a
 * document names people is being redone for canvases (issue 12), and the check goes with it.
 */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export const isSlackUserId = (value: string): boolean => SLACK_USER_ID.test(value);
