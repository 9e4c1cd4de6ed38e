import { type ModalView, plainText, section } from "./block-kit.js";

/**
 * A small modal pushed on top of a form (or opened from a button) to say a change was not saved. Closing it
 * ("Back") returns to the form underneath with everything that was typed, ready to submit again.
 */
export function buildNotSavedModal(text: string): ModalView {
  return {
    type: "modal",
    title: plainText("Not saved", 24),
    close: plainText("Back", 24),
    blocks: [section(text)],
  };
}
