import type { App } from "@slack/bolt";

export interface RecordedListeners {
  commands: string[];
  events: string[];
  shortcuts: string[];
  views: string[];
  actions: string[];
}

const idOf = (constraint: unknown): string => {
  if (typeof constraint === "string") return constraint;
  if (constraint instanceof RegExp) return constraint.source;
  const c = constraint as { callback_id?: string; action_id?: string; type?: string };
  return String(c.callback_id ?? c.action_id ?? c.type ?? "?");
};

/** A stand-in for Bolt's App that records what registerListeners asks it to listen to. */
export function recordListeners(register: (app: App) => void): RecordedListeners {
  const seen: RecordedListeners = { commands: [], events: [], shortcuts: [], views: [], actions: [] };
  const recorder = {
    command: (c: unknown) => seen.commands.push(idOf(c)),
    event: (e: unknown) => seen.events.push(idOf(e)),
    shortcut: (s: unknown) => seen.shortcuts.push(idOf(s)),
    view: (v: unknown) => seen.views.push(idOf(v)),
    action: (a: unknown) => seen.actions.push(idOf(a)),
    use: () => undefined,
    error: () => undefined,
    options: () => undefined,
    message: () => undefined,
  };
  register(recorder as unknown as App);
  return seen;
}
