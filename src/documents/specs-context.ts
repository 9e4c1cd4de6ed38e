import { type ContextArgs, companionContext } from "./suite-context.js";

/** Everything the specs template reads. */
export function buildSpecsContext(...args: ContextArgs) {
  return { ...companionContext("specs", ...args) };
}
