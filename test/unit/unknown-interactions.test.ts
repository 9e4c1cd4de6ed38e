import { describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/deps.js";
import { registerListeners } from "../../src/slack/register.js";
import { isKnownAction, isKnownView } from "../../src/slack/unknown-interactions.js";
import { OPEN_SECTION_ACTION, openSectionActionId } from "../../src/slack/views/interview-view.js";
import { recordListeners } from "../support/listener-recorder.js";

/**
 * The catch-all answers only what no listener handles: a listener whose id it did not know would be
 * acknowledged twice. So every id registered must be one it knows.
 */
describe("the catch-all for buttons and modals intplan does not have", () => {
  const registered = recordListeners((app) => registerListeners(app, {} as AppDeps));
  const CATCH_ALL = new Set([".*", "/.*/"]);

  it("knows every action id a listener is registered for", () => {
    const actions = registered.actions.filter((id) => !CATCH_ALL.has(id));
    expect(actions.length).toBeGreaterThan(5);
    for (const id of actions) {
      const sample = id === OPEN_SECTION_ACTION.source ? openSectionActionId(3) : id;
      expect(isKnownAction(sample), id).toBe(true);
    }
  });

  it("knows every modal a listener is registered for", () => {
    const views = registered.views.filter((id) => !CATCH_ALL.has(id));
    expect(views.length).toBeGreaterThan(3);
    for (const id of views) expect(isKnownView(id), id).toBe(true);
  });

  it("does not take an id no listener has for a known one", () => {
    expect(isKnownAction("self_destruct")).toBe(false);
    expect(isKnownAction("interview_open_section:x")).toBe(false);
    expect(isKnownView("mystery_modal")).toBe(false);
  });
});
