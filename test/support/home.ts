import { validateView } from "../../emulator/block-kit-limits.js";
import type { TestApp } from "./harness.js";

/**
 * `userId` opens intplan's App Home: resolves with the view the app published for them, as JSON text (to
 * look for a project's name or client in). Throws when Slack refused it or it breaks Block Kit's limits.
 */
export async function openHome(t: TestApp, userId: string): Promise<string> {
  const before = t.emulator.callsTo("views.publish").length;
  await t.slack.event({ type: "app_home_opened", user: userId, tab: "home", channel: "D0HOME" });
  await t.idle();
  const publish = await t.emulator.waitForCall(
    "views.publish",
    (c) => c.args.user_id === userId && t.emulator.callsTo("views.publish").indexOf(c) >= before,
  );
  if (!publish.answer?.ok) throw new Error(`views.publish failed: ${JSON.stringify(publish.answer)}`);
  const problems = validateView(publish.args.view);
  if (problems.length > 0) throw new Error(`Home breaks Block Kit's limits: ${problems.join("; ")}`);
  return JSON.stringify(publish.args.view);
}
