import type { RecordedCall } from "../../emulator/slack-emulator-state.js";
import { newProjectForm } from "./forms.js";
import type { TestApp } from "./harness.js";

/**
 * Runs `/intplan new` and submits the form, as a PM would; resolves when the project card is posted and,
 * given `idle` (an in-process app), when everything the creation set off is done.
 */
export async function createProjectThroughSlack(
  t: Pick<TestApp, "slack" | "emulator"> & Partial<Pick<TestApp, "idle">>,
  options: { channelId?: string; userId?: string; form?: Parameters<typeof newProjectForm>[0] } = {},
) {
  const channelId = options.channelId ?? "C0PROJECT";
  const userId = options.userId ?? "U0PM";
  const res = await t.slack.command({ text: "new", channelId, userId });
  await t.idle?.();
  const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
  const viewId = openedViewId(open);
  const submitted = await t.slack.viewSubmission({ userId, viewId, values: newProjectForm(options.form) });
  await t.idle?.();
  await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === channelId);
  return { viewId, submitted };
}

/** The id of the view a views.open call opened (throws when Slack refused it). */
export function openedViewId(call: RecordedCall): string {
  const view = call.answer?.view as { id?: string } | undefined;
  if (!call.answer?.ok || !view?.id) throw new Error(`views.open failed: ${JSON.stringify(call.answer)}`);
  return view.id;
}
