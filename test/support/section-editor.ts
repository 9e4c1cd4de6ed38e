import { form } from "./forms.js";
import type { TestApp } from "./harness.js";
import { openedViewId } from "./projects.js";

/** The blocks of `/intplan edit`'s modal that a test reads or presses. */
export interface EditorBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  hint?: { text: string };
  element?: { type: string; action_id: string; initial_value?: string; max_length?: number };
  elements?: {
    type: string;
    action_id: string;
    value?: string;
    options?: EditorOption[];
    confirm?: { title: { text: string } };
  }[];
  accessory?: { type: string; action_id: string; value?: string; confirm?: { title: { text: string } } };
}
interface EditorOption {
  text: { type: "plain_text"; text: string };
  value: string;
}
export interface EditorModal {
  id: string;
  blocks: EditorBlock[];
  submit?: unknown;
  private_metadata: string;
}

/**
 * `/intplan edit plan|discovery` as a person in `channelId` uses it: open the modal, pick a section by its
 * heading, save their text, press Revert or Delete; and the modal as the emulator holds it now (after every
 * views.update). `app` gives the running app (a getter, for a describe whose app each test starts anew).
 */
export function sectionEditor(app: () => TestApp, channelId: string, defaultUserId = "U0PM") {
  const modal = (viewId: string): EditorModal => {
    const stored = app().emulator.views.get(viewId);
    if (!stored) throw new Error(`no view ${viewId}`);
    return { id: viewId, ...(stored.view as unknown as Omit<EditorModal, "id">) };
  };
  const modalText = (viewId: string) =>
    modal(viewId)
      .blocks.map((b) => b.text?.text ?? "")
      .join("\n");
  const options = (viewId: string) =>
    modal(viewId).blocks.flatMap((b) => b.elements?.flatMap((e) => e.options ?? []) ?? []);
  const textBox = (viewId: string) => modal(viewId).blocks.find((b) => b.type === "input");

  /** `/intplan edit <doc>`: the opened modal's id. */
  async function openEditor(doc = "plan", userId = defaultUserId): Promise<string> {
    const res = await app().slack.command({ text: `edit ${doc}`, channelId, userId });
    await app().idle();
    const open = await app().emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    return openedViewId(open);
  }

  /** Picks a section in the modal's picker, by its heading line. */
  async function pick(viewId: string, heading: string, userId = defaultUserId) {
    const found = options(viewId).find((o) => o.text.text.replace(/^✎ /, "") === heading);
    if (!found) {
      throw new Error(`no option ${heading} in ${JSON.stringify(options(viewId).map((o) => o.text.text))}`);
    }
    await app().slack.blockAction({
      actionId: "edit_section_pick_0",
      blockId: "edit_section_pick_0",
      userId,
      view: viewId,
      action: { type: "static_select", selected_option: found },
    });
    await app().idle();
  }

  /** Submits the modal with `newText` in the picked section's text box. */
  async function save(viewId: string, newText: string, userId = defaultUserId) {
    const box = textBox(viewId);
    if (!box?.block_id || !box.element) throw new Error("no text box in the modal");
    const res = await app().slack.viewSubmission({
      userId,
      viewId,
      values: { [box.block_id]: { [box.element.action_id]: form.text(newText) } },
    });
    await app().idle();
    return res.body as { response_action?: string; errors?: Record<string, string> };
  }

  /** Presses a Revert or Delete button of the modal (its confirmation already accepted). */
  async function press(viewId: string, label: "Revert" | "Delete", userId = defaultUserId) {
    const buttons = modal(viewId).blocks.flatMap((b) => [
      ...(b.elements ?? []),
      ...(b.accessory ? [b.accessory] : []),
    ]);
    const button = buttons.find((e) => e.confirm?.title.text.startsWith(label));
    if (!button) throw new Error(`no ${label} button`);
    await app().slack.blockAction({ actionId: button.action_id, value: button.value, userId, view: viewId });
    await app().idle();
  }

  return { modal, modalText, options, textBox, openEditor, pick, save, press };
}
