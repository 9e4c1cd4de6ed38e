import { type ContextArgs, companionContext } from "./suite-context.js";

/** Everything the tests template reads. */
export function buildTestsContext(...args: ContextArgs) {
  return { ...companionContext("tests", ...args) };
}
