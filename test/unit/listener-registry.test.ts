import type { App } from "@slack/bolt";
import { describe, expect, it, vi } from "vitest";
import { createListenerRegistry, matchesAny } from "../../src/slack/listeners/registry.js";
import { registerUnknownInteractions, unknownInteraction } from "../../src/slack/unknown-interactions.js";

type Method = "command" | "event" | "action" | "view" | "shortcut";
interface Registration {
  method: Method;
  id: unknown;
  listener: (args: Record<string, unknown>) => Promise<void>;
}

/** A stand-in for Bolt's App that keeps what is registered on it, listeners included, to call them. */
function fakeApp() {
  const registrations: Registration[] = [];
  const on = (method: Method) => (id: unknown, listener: Registration["listener"]) => {
    registrations.push({ method, id, listener });
  };
  const app = {
    command: on("command"),
    event: on("event"),
    action: on("action"),
    view: on("view"),
    shortcut: on("shortcut"),
  };
  return { app: app as unknown as App, registrations };
}

const noop = async () => undefined;

describe("the listener registry", () => {
  it("passes every registration through to the app and records its id by kind", () => {
    const { app, registrations } = fakeApp();
    const listeners = createListenerRegistry(app);
    listeners.command("/intplan", noop);
    listeners.event("app_home_opened", noop);
    listeners.action("press_me", noop);
    listeners.action(/^page:\d+$/, noop);
    listeners.view("a_form", noop);
    listeners.view({ callback_id: "a_form", type: "view_closed" }, noop);
    listeners.view({ callback_id: "other_form" }, noop);
    listeners.shortcut("a_shortcut", noop);

    expect(registrations.map((r) => [r.method, r.id])).toEqual([
      ["command", "/intplan"],
      ["event", "app_home_opened"],
      ["action", "press_me"],
      ["action", /^page:\d+$/],
      ["view", "a_form"],
      ["view", { callback_id: "a_form", type: "view_closed" }],
      ["view", { callback_id: "other_form" }],
      ["shortcut", "a_shortcut"],
    ]);
    expect(listeners.known()).toEqual({
      commands: ["/intplan"],
      events: ["app_home_opened"],
      actions: ["press_me", /^page:\d+$/],
      views: ["a_form", "other_form"],
      closedViews: ["a_form"],
      shortcuts: ["a_shortcut"],
    });
  });

  it("gives a snapshot: registering later does not change what was handed out", () => {
    const listeners = createListenerRegistry(fakeApp().app);
    listeners.action("first", noop);
    const before = listeners.known();
    listeners.action("second", noop);
    expect(before.actions).toEqual(["first"]);
    expect(listeners.known().actions).toEqual(["first", "second"]);
  });

  it.each([
    { id: "page:3", matchers: [/^page:\d+$/], known: true },
    { id: "page:x", matchers: [/^page:\d+$/], known: false },
    { id: "page:3", matchers: [/^page:\d+$/g], known: true },
    { id: "press_me", matchers: ["press_me"], known: true },
    { id: "press_me_too", matchers: ["press_me"], known: false },
  ])("matches $id against $matchers: $known", ({ id, matchers, known }) => {
    // Twice: a pattern with the g flag must not remember where it stopped.
    expect(matchesAny(matchers, id)).toBe(known);
    expect(matchesAny(matchers, id)).toBe(known);
  });
});

describe("the catch-all, fed by the registry", () => {
  function setUp() {
    const { app, registrations } = fakeApp();
    const listeners = createListenerRegistry(app);
    listeners.action("known_button", noop);
    listeners.view("known_form", noop);
    listeners.view({ callback_id: "known_form", type: "view_closed" }, noop);
    listeners.shortcut("known_shortcut", noop);
    const before = registrations.length;
    registerUnknownInteractions(app, listeners.known());
    const catchAll = registrations.slice(before);
    const find = (method: Method, closed = false) => {
      const found = catchAll.find(
        (r) => r.method === method && (typeof r.id === "object" && !(r.id instanceof RegExp)) === closed,
      );
      if (!found) throw new Error(`no catch-all for ${method}`);
      return found.listener;
    };
    return { find, catchAll };
  }

  it("registers only catch-alls, and records none of them as known", () => {
    const { catchAll } = setUp();
    expect(catchAll.map((r) => r.method)).toEqual(["action", "view", "view", "shortcut"]);
  });

  it("leaves a known button to its listener and answers an unknown one", async () => {
    const { find } = setUp();
    const listener = find("action");
    const ack = vi.fn(noop);
    const respond = vi.fn(noop);
    const body = { response_url: "https://hooks.example/1" };
    await listener({ ack, respond, body, action: { action_id: "known_button" } });
    expect(ack).not.toHaveBeenCalled();
    await listener({ ack, respond, body, action: { action_id: "old_button" } });
    expect(ack).toHaveBeenCalledTimes(1);
    expect(respond).toHaveBeenCalledWith({
      response_type: "ephemeral",
      replace_original: false,
      text: unknownInteraction("button"),
    });
  });

  it("leaves known modals and shortcuts alone and acknowledges the others", async () => {
    const { find } = setUp();
    const cases: [ReturnType<typeof find>, Record<string, unknown>, Record<string, unknown>][] = [
      [find("view"), { view: { callback_id: "known_form" } }, { view: { callback_id: "old_form" } }],
      [find("view", true), { view: { callback_id: "known_form" } }, { view: { callback_id: "old_form" } }],
      [
        find("shortcut"),
        { shortcut: { callback_id: "known_shortcut" } },
        { shortcut: { callback_id: "old_shortcut" } },
      ],
    ];
    for (const [listener, known, unknown] of cases) {
      const ack = vi.fn(noop);
      const respond = vi.fn(noop);
      await listener({ ack, respond, ...known });
      expect(ack).not.toHaveBeenCalled();
      await listener({ ack, respond, ...unknown });
      expect(ack).toHaveBeenCalledTimes(1);
    }
  });
});
