import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loneSurrogateErrors } from "../../emulator/block-kit-limits.js";
import { loadChecklist } from "../../src/db/checklist-store.js";
import { projects } from "../../src/db/schema.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

/**
 * 59 of the 60 characters a system name may have, mostly ZWJ families: a checklist option (75 characters
 * at most) "Obtain API credentials for …" is cut, and a cut by code units would fall inside an emoji.
 */
const FAMILY = "👨‍👩‍👧";
const EMOJI_SYSTEM = `Äbc${FAMILY.repeat(7)}`;
/** Every `$` pattern `String.replace` knows. */
const DOLLAR_SYSTEM = "Books $& $' $` $$ $1";

describe("a project whose system names are emoji and dollar patterns", () => {
  let t: TestApp;
  let projectId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, {
      channelId: CHANNEL,
      form: { system_a: form.text(EMOJI_SYSTEM), system_b: form.text(DOLLAR_SYSTEM) },
    });
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  });
  afterAll(async () => {
    await t.close();
  });

  it("stores its checklist with both names exactly as typed", () => {
    const labels = loadChecklist(t.db, projectId).map((item) => item.label);
    expect(labels).toContain(`Obtain API credentials for ${EMOJI_SYSTEM}`);
    expect(labels).toContain(`Obtain API credentials for ${DOLLAR_SYSTEM}`);
    expect(labels).toContain(`Implement ${EMOJI_SYSTEM} API client`);
    expect(labels.some((label) => label.includes("{system"))).toBe(false);
  });

  it("opens the checklist from the board, its long labels cut between emoji, never inside one", async () => {
    await t.slack.command({ text: "status", channelId: CHANNEL, userId: "U0PM" });
    const board = await t.emulator.waitForCall(
      "chat.postMessage",
      (c) => JSON.stringify(c.args.blocks ?? []).includes("status_board_checklist") && c.answer?.ok === true,
    );
    await t.slack.blockAction({
      actionId: "status_board_checklist",
      value: String(projectId),
      userId: "U0PM",
      channelId: CHANNEL,
      messageTs: String(board.answer?.ts),
    });
    const open = await t.emulator.waitForCall(
      "views.open",
      (c) => (c.args.view as { callback_id?: string }).callback_id === "checklist",
    );
    // The emulator refuses half an emoji, as Slack does: the modal opened.
    expect(open.answer?.ok).toBe(true);
    const shown = JSON.stringify(open.args.view);
    expect(loneSurrogateErrors(open.args.view, "view")).toEqual([]);
    expect(shown).toContain(`Obtain API credentials for Äbc${FAMILY.repeat(5)}…`);
    expect(shown).toContain(JSON.stringify(`Obtain API credentials for ${DOLLAR_SYSTEM}`).slice(1, -1));
  });

  it("the plan names both systems as typed", async () => {
    await t.slack.command({ text: "plan", channelId: CHANNEL, userId: "U0PM" });
    const created = await t.emulator.waitForCall("canvases.create");
    expect(created.answer?.ok).toBe(true);
    const markdown = t.emulator.canvases.get(String(created.answer?.canvas_id))?.markdown ?? "";
    expect(markdown).toContain(`Obtain API credentials for ${EMOJI_SYSTEM}`);
    expect(markdown).toContain("Obtain API credentials for Books $& $' $\\` $$ $1");
  });
});
