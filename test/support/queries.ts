import { eq } from "drizzle-orm";
import type { SlackEmulator } from "../../emulator/slack-emulator.js";
import type { Db } from "../../src/db/client.js";
import { answers } from "../../src/db/schema.js";

/** A project's stored answers, question id → value, as the database holds them. */
export const storedAnswers = (db: Db, projectId: number): Record<string, unknown> =>
  Object.fromEntries(
    db
      .select()
      .from(answers)
      .where(eq(answers.projectId, projectId))
      .all()
      .map((a) => [a.questionId, a.value]),
  );

/** The messages the app posted in `channelId` whose text contains `fragment`. */
export const postsContaining = (emulator: SlackEmulator, channelId: string, fragment: string) =>
  emulator
    .callsTo("chat.postMessage")
    .filter((c) => c.args.channel === channelId && String(c.args.text).includes(fragment));
