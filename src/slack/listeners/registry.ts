import type {
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
  ViewConstraints,
} from "@slack/bolt";

/**
 * What a listener module registers on: Bolt's own methods, one listener per call, each id recorded as it is
 * registered. The ids therefore live next to their listeners, and the catch-all for interactions intplan
 * does not have (unknown-interactions.ts) asks these records instead of a hand-kept list.
 */

/** An id as a listener is registered for it: exactly, or every id a pattern matches. */
export type IdMatcher = string | RegExp;

export interface KnownIds {
  commands: readonly IdMatcher[];
  events: readonly string[];
  /** Block actions (buttons, menus). */
  actions: readonly IdMatcher[];
  /** Modal submissions. */
  views: readonly IdMatcher[];
  /** Modals that asked to hear about being closed (notify_on_close). */
  closedViews: readonly IdMatcher[];
  shortcuts: readonly IdMatcher[];
}

export interface Listeners {
  command(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): void;
  event<E extends string>(name: E, listener: Middleware<SlackEventMiddlewareArgs<E>>): void;
  action<A extends SlackAction = SlackAction>(
    actionId: IdMatcher,
    listener: Middleware<SlackActionMiddlewareArgs<A>>,
  ): void;
  /** A string or pattern is a submission, as in Bolt; `{ callback_id, type: "view_closed" }` a close. */
  view<V extends SlackViewAction = SlackViewAction>(
    callbackId: IdMatcher | ViewConstraints,
    listener: Middleware<SlackViewMiddlewareArgs<V>>,
  ): void;
  shortcut<S extends SlackShortcut = SlackShortcut>(
    callbackId: IdMatcher,
    listener: Middleware<SlackShortcutMiddlewareArgs<S>>,
  ): void;
}

export interface ListenerRegistry extends Listeners {
  /** Every id registered so far. */
  known(): KnownIds;
}

const isMatcher = (id: unknown): id is IdMatcher => typeof id === "string" || id instanceof RegExp;

/** Whether an id is one of the recorded ones. */
export function matchesAny(matchers: readonly IdMatcher[], id: string): boolean {
  return matchers.some((m) =>
    typeof m === "string" ? m === id : new RegExp(m.source, m.flags.replace("g", "")).test(id),
  );
}

/** Wraps a Bolt app: registrations go through to it and are recorded. */
export function createListenerRegistry(app: Pick<App, keyof Listeners>): ListenerRegistry {
  const known = {
    commands: [] as IdMatcher[],
    events: [] as string[],
    actions: [] as IdMatcher[],
    views: [] as IdMatcher[],
    closedViews: [] as IdMatcher[],
    shortcuts: [] as IdMatcher[],
  };
  return {
    command(name, listener) {
      known.commands.push(name);
      app.command(name, listener);
    },
    event(name, listener) {
      known.events.push(name);
      app.event(name, listener);
    },
    action(actionId, listener) {
      known.actions.push(actionId);
      app.action(actionId, listener);
    },
    view(callbackId, listener) {
      if (isMatcher(callbackId)) {
        known.views.push(callbackId);
        app.view(callbackId, listener);
        return;
      }
      const id = callbackId.callback_id;
      if (id !== undefined) (callbackId.type === "view_closed" ? known.closedViews : known.views).push(id);
      app.view(callbackId, listener);
    },
    shortcut(callbackId, listener) {
      known.shortcuts.push(callbackId);
      app.shortcut(callbackId, listener);
    },
    known: () => ({
      commands: [...known.commands],
      events: [...known.events],
      actions: [...known.actions],
      views: [...known.views],
      closedViews: [...known.closedViews],
      shortcuts: [...known.shortcuts],
    }),
  };
}
