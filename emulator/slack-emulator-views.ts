/** Trigger ids and views.open/push/update/publish for the Slack emulator. */
import { randomBytes } from "node:crypto";
import { validateView } from "./block-kit-limits.js";
import {
  type EmulatorIdentity,
  type EmulatorRecords,
  type EmulatorState,
  fail,
  type MethodHandler,
  type SlackAnswer,
  type SlackArgs,
  type StoredView,
  stringArg,
} from "./slack-emulator-state.js";

/** Slack lets a trigger id open one view, within 3 seconds. */
export const TRIGGER_LIFETIME_MS = 3000;

export function issueTriggerId(state: EmulatorState): string {
  const triggerId = `${state.newId("")}.${state.teamId}.${randomBytes(8).toString("hex")}`;
  state.triggers.set(triggerId, state.now());
  return triggerId;
}

/** Consumes the trigger id; true when it was issued, unused and still fresh. */
function useTrigger(state: EmulatorState, triggerId: string | undefined): boolean {
  const issuedAt = triggerId === undefined ? undefined : state.triggers.get(triggerId);
  if (triggerId !== undefined) state.triggers.delete(triggerId);
  return issuedAt !== undefined && state.now() - issuedAt <= TRIGGER_LIFETIME_MS;
}

const newHash = (state: EmulatorState) =>
  `${Math.floor(state.now() / 1000)}.${randomBytes(6).toString("hex")}`;

/** The view object Slack returns from views.* and sends in view_submission/view_closed payloads. */
export function slackViewOf(stored: StoredView, identity: EmulatorIdentity): SlackArgs {
  const { view } = stored;
  return {
    id: stored.id,
    team_id: identity.teamId,
    app_id: identity.appId,
    app_installed_team_id: identity.teamId,
    bot_id: identity.botId,
    type: view.type,
    title: view.title,
    submit: view.submit ?? null,
    close: view.close ?? null,
    blocks: view.blocks,
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    external_id: view.external_id ?? "",
    state: { values: {} },
    hash: stored.hash,
    clear_on_close: view.clear_on_close === true,
    notify_on_close: view.notify_on_close === true,
    root_view_id: stored.id,
    previous_view_id: stored.previousViewId,
  };
}

const answerWith = (stored: StoredView, state: EmulatorState): SlackAnswer => ({
  ok: true,
  view: slackViewOf(stored, state),
});

/** Refuses a view that is not of the expected type or breaks Block Kit limits. */
function refuseView(
  args: SlackArgs,
  state: EmulatorState,
  method: string,
  type: string,
): SlackAnswer | undefined {
  const view = args.view as SlackArgs | undefined;
  const errors = validateView(view);
  if (errors.length === 0 && view?.type !== type) errors.push(`type: must be "${type}" for ${method}`);
  return errors.length > 0 ? state.reject(method, args, errors) : undefined;
}

const findByExternalId = (state: EmulatorState, externalId: unknown) =>
  externalId === undefined
    ? undefined
    : [...state.views.values()].find((v) => v.view.external_id === externalId);

function saveNewView(state: EmulatorState, view: SlackArgs, userId?: string): StoredView {
  const stored: StoredView = {
    id: state.newId("V"),
    hash: newHash(state),
    view,
    userId,
    previousViewId: null,
  };
  state.views.set(stored.id, stored);
  return stored;
}

function replaceView(state: EmulatorState, stored: StoredView, view: SlackArgs): StoredView {
  stored.view = view;
  stored.hash = newHash(state);
  return stored;
}

const openModal: MethodHandler = (args, state, method) => {
  const refusal = refuseView(args, state, method, "modal");
  if (refusal) return refusal;
  const view = args.view as SlackArgs;
  if (findByExternalId(state, view.external_id)) return fail("duplicate_external_id");
  if (!useTrigger(state, stringArg(args, "trigger_id"))) return fail("expired_trigger_id");
  return answerWith(saveNewView(state, view), state);
};

const update: MethodHandler = (args, state, method) => {
  const viewId = stringArg(args, "view_id");
  const stored = viewId ? state.views.get(viewId) : findByExternalId(state, args.external_id);
  if (!stored) return fail("not_found");
  const hash = stringArg(args, "hash");
  if (hash !== undefined && hash !== stored.hash) return fail("hash_conflict");
  const refusal = refuseView(args, state, method, String(stored.view.type));
  if (refusal) return refusal;
  return answerWith(replaceView(state, stored, args.view as SlackArgs), state);
};

const publish: MethodHandler = (args, state, method) => {
  const userId = stringArg(args, "user_id");
  if (!userId) return fail("user_not_found");
  const refusal = refuseView(args, state, method, "home");
  if (refusal) return refusal;
  const existing = state.homeViews.get(userId);
  const hash = stringArg(args, "hash");
  if (existing && hash !== undefined && hash !== existing.hash) return fail("hash_conflict");
  const view = args.view as SlackArgs;
  const stored = existing ? replaceView(state, existing, view) : saveNewView(state, view, userId);
  state.homeViews.set(userId, stored);
  return answerWith(stored, state);
};

export const viewMethods: Record<string, MethodHandler> = {
  "views.open": openModal,
  "views.push": openModal,
  "views.update": update,
  "views.publish": publish,
};

/** The input blocks of a view, by block id: what a submission's `errors` may name. */
const inputBlockIds = (view: SlackArgs) =>
  new Set(
    (Array.isArray(view.blocks) ? (view.blocks as SlackArgs[]) : [])
      .filter((b) => b.type === "input")
      .map((b) => String(b.block_id)),
  );

/**
 * What Slack does with a modal once the app has answered its view_submission
 * (https://docs.slack.dev/surfaces/modals#handling_race_conditions and #updating_response): `errors` keeps
 * the view and its hash (the person corrects the form and submits the same view again); `update` replaces
 * the view, with a new hash; `push` stacks a new view on top; `clear` closes the whole stack; a plain ack
 * closes the view. An answer Slack cannot use (a view breaking Block Kit limits, errors naming no input
 * block of the view) leaves the modal as it was and is recorded in `rejections`.
 */
export function applySubmissionAnswer(
  emulator: Pick<EmulatorRecords, "views" | "rejections">,
  viewId: string,
  answer: unknown,
): void {
  const { views } = emulator;
  const stored = views.get(viewId);
  if (!stored || stored.userId !== undefined) return;
  const reply = (typeof answer === "object" && answer !== null ? answer : {}) as SlackArgs & {
    response_action?: string;
    view?: SlackArgs;
    errors?: Record<string, string>;
  };
  const refused = (errors: string[]) => {
    emulator.rejections.push({
      method: `view_submission response (${reply.response_action})`,
      error: "invalid_arguments",
      errors,
      args: reply,
      at: Date.now(),
    });
  };
  const hash = `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString("hex")}`;
  switch (reply.response_action) {
    case "errors": {
      const known = inputBlockIds(stored.view);
      const unknown = Object.keys(reply.errors ?? {}).filter((id) => !known.has(id));
      if (unknown.length > 0) refused(unknown.map((id) => `errors.${id}: no input block with this block_id`));
      return;
    }
    case "update":
    case "push": {
      const errors = validateView(reply.view);
      if (errors.length > 0) {
        refused(errors);
        return;
      }
      const view = reply.view as SlackArgs;
      if (reply.response_action === "update") {
        stored.view = view;
        stored.hash = hash;
      } else {
        const id = `V${randomBytes(5).toString("hex").toUpperCase()}`;
        views.set(id, { id, hash, view, previousViewId: stored.id });
      }
      return;
    }
    case "clear":
      for (let view: StoredView | undefined = stored; view; ) {
        view.closed = true;
        view = view.previousViewId ? views.get(view.previousViewId) : undefined;
      }
      return;
    default:
      stored.closed = true;
  }
}

/** The person closed the modal (or Slack closed it): nothing more is sent for it. */
export function closeView(views: Map<string, StoredView>, viewId: string): void {
  const stored = views.get(viewId);
  if (stored && stored.userId === undefined) stored.closed = true;
}
