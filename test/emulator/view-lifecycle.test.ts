/** The emulator's modals after the app answers a submission, as Slack handles them. */
import { describe, expect, it } from "vitest";
import type { Rejection, StoredView } from "../../emulator/slack-emulator-state.js";
import { applySubmissionAnswer, closeView } from "../../emulator/slack-emulator-views.js";

const nameInput = {
  type: "input",
  block_id: "name",
  label: { type: "plain_text", text: "Name" },
  element: { type: "plain_text_input", action_id: "name" },
};
const modal = (title: string) => ({
  type: "modal",
  title: { type: "plain_text", text: title },
  submit: { type: "plain_text", text: "Next" },
  blocks: [nameInput],
});

function oneModal(): Map<string, StoredView> {
  return new Map([["V1", { id: "V1", hash: "h1", view: modal("Step 1"), previousViewId: null }]]);
}
const rejections: Rejection[] = [];
const apply = (views: Map<string, StoredView>, viewId: string, answer: unknown) =>
  applySubmissionAnswer({ views, rejections }, viewId, answer);

describe("a modal after the app answers its submission", () => {
  it("keeps the view and its hash after errors", () => {
    const views = oneModal();
    apply(views, "V1", { response_action: "errors", errors: { name: "Required" } });
    expect(views.get("V1")).toMatchObject({ hash: "h1", view: modal("Step 1") });
    expect(views.get("V1")?.closed).toBeFalsy();
    expect(rejections).toEqual([]);
  });

  it("refuses errors naming no input block, and a view breaking Block Kit limits, keeping the modal", () => {
    const views = oneModal();
    apply(views, "V1", { response_action: "errors", errors: { nmae: "Required" } });
    apply(views, "V1", {
      response_action: "update",
      view: { ...modal("Step 2"), title: { type: "plain_text", text: "x".repeat(25) } },
    });
    expect(views.get("V1")).toMatchObject({ hash: "h1", view: modal("Step 1") });
    expect(rejections.splice(0).map((r) => r.errors.length > 0)).toEqual([true, true]);
  });

  it("replaces the view with a new hash after update", () => {
    const views = oneModal();
    apply(views, "V1", { response_action: "update", view: modal("Step 2") });
    expect(views.get("V1")?.view).toEqual(modal("Step 2"));
    expect(views.get("V1")?.hash).not.toBe("h1");
  });

  it("stacks a new view after push, and clear closes the whole stack", () => {
    const views = oneModal();
    apply(views, "V1", { response_action: "push", view: modal("Details") });
    const pushed = [...views.values()].find((v) => v.id !== "V1");
    expect(pushed).toMatchObject({ previousViewId: "V1", view: modal("Details") });
    apply(views, pushed?.id ?? "", { response_action: "clear" });
    expect([...views.values()].map((v) => v.closed)).toEqual([true, true]);
  });

  it("closes the view after a plain ack, or when the person closes it", () => {
    const acked = oneModal();
    apply(acked, "V1", "");
    expect(acked.get("V1")?.closed).toBe(true);
    const closed = oneModal();
    closeView(closed, "V1");
    expect(closed.get("V1")?.closed).toBe(true);
  });
});
