import type { App, Context, ReceiverEvent } from "@slack/bolt";

/** Whether and how a request was acknowledged; carried in the context (Bolt copies middleware arguments). */
interface Acknowledgement {
  acked: boolean;
  /** What the ack answered (e.g. `{response_action: "errors", …}` for a view submission); undefined for a plain ack. */
  response?: unknown;
}
const ACKNOWLEDGEMENT = "intplanAcknowledgement";

/**
 * Wraps every request's ack so middleware can tell an error before the ack from one after, and see what the
 * ack answered. Works for HTTP and Socket Mode alike, where a second ack does not throw.
 */
export function trackAcknowledgements(bolt: App): void {
  const processEvent = bolt.processEvent.bind(bolt);
  bolt.processEvent = (event: ReceiverEvent) => {
    const state: Acknowledgement = { acked: false };
    return processEvent({
      ...event,
      ack: async (response) => {
        state.acked = true;
        state.response = response;
        return event.ack(response);
      },
      customProperties: { ...event.customProperties, [ACKNOWLEDGEMENT]: state },
    });
  };
}

/** True once the request in `context` was acknowledged. */
export const wasAcknowledged = (context: Context): boolean =>
  (context[ACKNOWLEDGEMENT] as Acknowledgement | undefined)?.acked === true;

/** True when a view submission was answered with inline errors (`response_action: "errors"`). */
export const answeredWithErrors = (context: Context): boolean =>
  ((context[ACKNOWLEDGEMENT] as Acknowledgement | undefined)?.response as { response_action?: unknown })
    ?.response_action === "errors";
