import { newProjectForm } from "./forms.js";
import type { TestApp } from "./harness.js";

/** Runs `/intplan new` and submits the form, as a PM would; resolves when the project card is posted. */
export async function createProjectThroughSlack(
  t: TestApp,
  options: { channelId?: string; userId?: string; form?: Parameters<typeof newProjectForm>[0] } = {},
) {
  const channelId = options.channelId ?? "C0PROJECT";
  const userId = options.userId ?? "U0PM";
  const before = t.emulator.callsTo("views.open").length;
  await t.slack.command({ text: "new", channelId, userId });
  const open = await t.emulator.waitForCall(
    "views.open",
    (c) => t.emulator.callsTo("views.open").indexOf(c) >= before,
  );
  const viewId = (open.answer as { view?: { id?: string } } | undefined)?.view?.id;
  if (!viewId) throw new Error(`views.open failed: ${JSON.stringify(open.answer)}`);
  const submitted = await t.slack.viewSubmission({ userId, viewId, values: newProjectForm(options.form) });
  await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === channelId);
  return { viewId, submitted };
}
