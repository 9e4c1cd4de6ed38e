import type { ViewOutput } from "@slack/bolt";

type StateValue = ViewOutput["state"]["values"][string][string];

/** The plain value of one input element in a submitted view, whatever its type. */
export function readStateValue(value: StateValue | undefined): string | string[] | null {
  if (!value) return null;
  switch (value.type) {
    case "plain_text_input":
    case "number_input":
    case "url_text_input":
    case "email_text_input":
      return value.value ?? null;
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return value.selected_option?.value ?? null;
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return (value.selected_options ?? []).map((o) => o.value);
    case "datepicker":
      return value.selected_date ?? null;
    case "timepicker":
      return value.selected_time ?? null;
    case "users_select":
      return value.selected_user ?? null;
    case "multi_users_select":
      return value.selected_users ?? [];
    case "conversations_select":
      return value.selected_conversation ?? null;
    case "channels_select":
      return value.selected_channel ?? null;
    default:
      return value.value ?? null;
  }
}

/** Reads each input block's (single) element into a record keyed by block id. */
export function readBlockValues(state: ViewOutput["state"]): Record<string, string | string[] | null> {
  const out: Record<string, string | string[] | null> = {};
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    out[blockId] = readStateValue(Object.values(actions)[0]);
  }
  return out;
}
