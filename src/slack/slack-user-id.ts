import { hasPersonIdShape } from "../domain/person-id.js";

/**
 * What a Slack user id looks like (U… or W…, then capitals and digits): the one pattern, kept with the
 * domain's person ids (src/domain/person-id.ts) so the documents check the same shape. The Slack edge
 * passes `isSlackUserId` in where the domain checks a person.
 */
export const isSlackUserId = (value: string): boolean => hasPersonIdShape(value);
