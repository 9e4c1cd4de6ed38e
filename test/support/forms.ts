import type { StateValues } from "../../emulator/signed-client.js";

/** Builds a submitted view's state.values the way Slack sends it, one `value` action per block. */
export const form = {
  text: (value: string | null) => ({ type: "plain_text_input", value }),
  number: (value: string | null) => ({ type: "number_input", value }),
  select: (value: string | null) => ({ type: "static_select", selected_option: value ? { value } : null }),
  multi: (values: string[]) => ({
    type: "multi_static_select",
    selected_options: values.map((value) => ({ value })),
  }),
  checkboxes: (values: string[]) => ({
    type: "checkboxes",
    selected_options: values.map((value) => ({ value })),
  }),
  date: (value: string | null) => ({ type: "datepicker", selected_date: value }),
  user: (value: string | null) => ({ type: "users_select", selected_user: value }),
  url: (value: string | null) => ({ type: "url_text_input", value }),
  email: (value: string | null) => ({ type: "email_text_input", value }),
};

export function stateValues(blocks: Record<string, Record<string, unknown>>): StateValues {
  return Object.fromEntries(
    Object.entries(blocks).map(([blockId, value]) => [blockId, { [blockId]: value }]),
  );
}

/** A complete, valid new-project form. */
export function newProjectForm(overrides: Record<string, Record<string, unknown>> = {}): StateValues {
  return stateValues({
    name: form.text("Acme order sync"),
    client_name: form.text("Acme Outdoor Co."),
    system_a: form.text("Shopify"),
    system_b: form.text("QuickBooks Online"),
    integration_type: form.select("auto"),
    lead_engineer: form.user("U0LEAD"),
    project_manager: form.user("U0PM"),
    target_go_live: form.date("2027-02-01"),
    volume_estimate: form.text("About 500 orders a day"),
    summary: form.text("Post every Shopify order to QuickBooks as a sales receipt."),
    ...overrides,
  });
}
