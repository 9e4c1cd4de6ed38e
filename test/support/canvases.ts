import type { SlackEmulator } from "../../emulator/slack-emulator.js";

/** The link Slack's files.info gave the app for a canvas: the one people should be shown. */
export async function permalinkGiven(emulator: SlackEmulator, canvasId: string): Promise<string> {
  const info = await emulator.waitForCall(
    "files.info",
    (c) => c.args.file === canvasId && c.answer?.ok === true,
  );
  const file = info.answer?.file as { permalink?: string } | undefined;
  if (!file?.permalink) throw new Error(`files.info answered no permalink for ${canvasId}`);
  return file.permalink;
}
