import { describe, expect, it } from "vitest";
import {
  ACTION_PATTERN,
  DOCUMENT_SUITE_ACTION,
  NUDGE_ACTION,
  UPLOAD_VERSION_ACTION,
} from "../../src/slack/ids.js";
import type { ListenerDeps } from "../../src/slack/listeners/listener-deps.js";
import { registerListeners } from "../../src/slack/listeners/register-listeners.js";
import type { KnownIds } from "../../src/slack/listeners/registry.js";
import {
  isKnownAction,
  isKnownClosedView,
  isKnownShortcut,
  isKnownView,
} from "../../src/slack/unknown-interactions.js";
import { OPEN_SECTION_ACTION, openSectionActionId } from "../../src/slack/views/interview-view.js";
import { recordListeners } from "../support/listener-recorder.js";

/**
 * The catch-all answers only what no listener handles: a listener whose id it did not know would be
 * acknowledged twice. So every id registered must be one it knows, and it needs no list of its own.
 */
describe("the catch-all for buttons and modals intplan does not have", () => {
  let known: KnownIds | undefined;
  const registered = recordListeners((app) => {
    known = registerListeners(app, {} as ListenerDeps);
  });
  const ids = (): KnownIds => {
    if (!known) throw new Error("registerListeners returned nothing");
    return known;
  };
  const CATCH_ALL = new Set([".*", "/.*/"]);

  it("knows every action id a listener is registered for", () => {
    const actions = registered.actions.filter((id) => !CATCH_ALL.has(id));
    expect(actions.length).toBeGreaterThan(5);
    for (const id of actions) {
      const samples: Record<string, string> = {
        [OPEN_SECTION_ACTION.source]: openSectionActionId(3),
        [ACTION_PATTERN.pickSection.source]: "edit_section_pick_1",
        [ACTION_PATTERN.revertSection.source]: "edit_section_revert_2",
        [UPLOAD_VERSION_ACTION.matcher.source]: `${UPLOAD_VERSION_ACTION.prefix}7`,
        [DOCUMENT_SUITE_ACTION.matcher.source]: `${DOCUMENT_SUITE_ACTION.publishPrefix}sow`,
        [NUDGE_ACTION.snoozeMatcher.source]: `${NUDGE_ACTION.snoozePrefix}3`,
      };
      const sample = samples[id] ?? id;
      expect(isKnownAction(ids(), sample), id).toBe(true);
    }
  });

  it("knows every modal a listener is registered for, submitted or closed", () => {
    const views = registered.views.filter((id) => !CATCH_ALL.has(id));
    expect(views.length).toBeGreaterThan(3);
    for (const id of views) {
      expect(isKnownView(ids(), id) || isKnownClosedView(ids(), id), id).toBe(true);
    }
    expect(isKnownClosedView(ids(), "interview_section")).toBe(true);
    expect(isKnownClosedView(ids(), "checklist")).toBe(false);
  });

  it("knows every shortcut a listener is registered for", () => {
    const shortcuts = registered.shortcuts.filter((id) => !CATCH_ALL.has(id));
    expect(shortcuts.length).toBeGreaterThan(0);
    for (const id of shortcuts) expect(isKnownShortcut(ids(), id), id).toBe(true);
  });

  it("does not take an id no listener has for a known one", () => {
    expect(isKnownAction(ids(), "self_destruct")).toBe(false);
    expect(isKnownAction(ids(), "interview_open_section:x")).toBe(false);
    expect(isKnownView(ids(), "mystery_modal")).toBe(false);
    expect(isKnownShortcut(ids(), "mystery_shortcut")).toBe(false);
  });
});
