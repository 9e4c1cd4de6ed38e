import type { SignedClient } from "../emulator/signed-client.js";
import type { SlackEmulator } from "../emulator/slack-emulator.js";
import { decodeMetadata } from "../src/slack/interview-modal.js";
import { newProjectForm } from "../test/support/forms.js";
import { openedViewId } from "../test/support/projects.js";
import type { BenchProject } from "./scenarios.js";

const CHANNEL = "C0BENCH";
const PM = "U0PM";
const STARTING_BLOCKERS = [
  "Sandbox credentials for QBO",
  "Tax codes unclear --client",
  "Webhook secret missing",
];

/**
 * Gets intplan into the state a busy project channel is in, through signed requests as a PM would: a project,
 * a few open blockers, the status board posted and pinned. Reads the project id from the interview modal.
 */
export async function prepareProject(slack: SignedClient, emulator: SlackEmulator): Promise<BenchProject> {
  const opened = await slack.command({ text: "new", channelId: CHANNEL, userId: PM });
  const form = await emulator.waitForCall("views.open", (c) => c.args.trigger_id === opened.triggerId, 5000);
  await slack.viewSubmission({ userId: PM, viewId: openedViewId(form), values: newProjectForm() });
  await emulator.waitForCall("chat.postMessage", (c) => c.args.channel === CHANNEL, 5000);

  for (const text of STARTING_BLOCKERS) {
    await slack.command({ text: `blocker ${text}`, channelId: CHANNEL, userId: PM });
  }
  await slack.command({ text: "status", channelId: CHANNEL, userId: PM });
  await emulator.waitForCall("pins.add", () => true, 5000);

  const interview = await slack.command({ text: "interview", channelId: CHANNEL, userId: PM });
  const modal = await emulator.waitForCall(
    "views.open",
    (c) => c.args.trigger_id === interview.triggerId,
    5000,
  );
  const meta = decodeMetadata((modal.args.view as { private_metadata?: string }).private_metadata);
  if (!meta) throw new Error("The interview modal carries no project id in its private_metadata.");
  return { projectId: meta.p, channelId: CHANNEL, userId: PM };
}
