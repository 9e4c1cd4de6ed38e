import { type ContextArgs, companionContext } from "./suite-context.js";

/** Everything the runbook template reads. */
export function buildRunbookContext(...args: ContextArgs) {
  return { ...companionContext("runbook", ...args) };
}
