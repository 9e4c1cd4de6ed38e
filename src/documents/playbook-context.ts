import { type ContextArgs, companionContext } from "./suite-context.js";

/** Everything the playbook template reads. */
export function buildPlaybookContext(...args: ContextArgs) {
  return { ...companionContext("playbook", ...args) };
}
