import { type ContextArgs, companionContext } from "./suite-context.js";

/** Everything the sow template reads. */
export function buildSowContext(...args: ContextArgs) {
  return { ...companionContext("sow", ...args) };
}
