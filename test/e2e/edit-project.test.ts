import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { form, stateValues } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

interface InputBlock {
  type: string;
  block_id: string;
  element: Record<string, unknown> & { type: string };
}

/** The form as Slack would submit it untouched: each input's prefilled value. */
function asOpened(view: { blocks: InputBlock[] }): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks.filter((b) => b.type === "input")) {
    const e = block.element;
    if (e.type === "plain_text_input")
      values[block.block_id] = form.text((e.initial_value as string) ?? null);
    if (e.type === "users_select") values[block.block_id] = form.user((e.initial_user as string) ?? null);
    if (e.type === "datepicker") values[block.block_id] = form.date((e.initial_date as string) ?? null);
    if (e.type === "multi_static_select")
      values[block.block_id] = form.multi(
        ((e.initial_options as { value: string }[] | undefined) ?? []).map((o) => o.value),
      );
  }
  return values;
}

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");

describe("a PM changes the project's basics with /intplan edit project", () => {
  let t: TestApp;
  let planCanvas: string;
  let discoveryCanvas: string;

  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    for (const doc of ["plan", "discovery"]) {
      await t.slack.command({ text: doc, channelId: CHANNEL, userId: "U0PM" });
      await t.idle();
    }
    const created = t.emulator.callsTo("canvases.create").map((c) => String(c.answer?.canvas_id));
    [planCanvas = "", discoveryCanvas = ""] = created;
    await t.slack.command({ text: "status", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
  });
  afterEach(async () => {
    await t.close();
  });

  async function openEditForm(userId = "U0PM") {
    const res = await t.slack.command({ text: "edit project", channelId: CHANNEL, userId });
    expect(res.body).toBe("");
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const view = open.args.view as { blocks: InputBlock[]; callback_id: string };
    return { viewId: openedViewId(open), view, values: asOpened(view) };
  }
  const submit = async (viewId: string, values: Record<string, Record<string, unknown>>, userId = "U0PM") => {
    const res = await t.slack.viewSubmission({ userId, viewId, values: stateValues(values) });
    await t.idle();
    return res;
  };
  const project = () => t.db.select().from(projects).get();
  const edits = () => t.db.select().from(auditLog).where(eq(auditLog.action, "project.edited")).all();
  const canvas = (id: string) => t.emulator.canvases.get(id)?.markdown ?? "";
  const lastBoard = () => {
    const calls = [...t.emulator.callsTo("chat.postMessage"), ...t.emulator.callsTo("chat.update")].filter(
      (c) => isBoard(c) && c.answer?.ok === true,
    );
    return JSON.stringify(calls.sort((a, b) => a.at - b.at).at(-1)?.args.blocks ?? []);
  };

  it("is in /intplan help, beside setting a phase's owner", async () => {
    const res = await t.slack.command({ text: "help", channelId: CHANNEL, userId: "U0PM" });
    expect(JSON.stringify(res.body)).toContain("/intplan edit project");
    expect(JSON.stringify(res.body)).toContain("owner @person|default");
  });

  it("opens the form filled in with the project's basics, types left to auto-detect", async () => {
    const { view, values } = await openEditForm();
    expect(validateView(view)).toEqual([]);
    expect(values).toEqual({
      name: form.text("Acme order sync"),
      client_name: form.text("Acme Outdoor Co."),
      system_a: form.text("Shopify"),
      system_b: form.text("QuickBooks Online"),
      integration_types: form.multi([]),
      lead_engineer: form.user("U0LEAD"),
      project_manager: form.user("U0PM"),
      target_go_live: form.date("2027-02-01"),
      volume_estimate: form.text("About 500 orders a day"),
      summary: form.text("Post every Shopify order to QuickBooks as a sales receipt."),
    });
  });

  it("saves the changes with one audit row listing each, and the canvases, the board and the channel follow", async () => {
    const { viewId, values } = await openEditForm();
    const res = await submit(viewId, {
      ...values,
      client_name: form.text("Acme Outdoor Group"),
      integration_types: form.multi(["inventory", "accounting"]),
      lead_engineer: form.user("U0NEWLEAD"),
      target_go_live: form.date("2027-03-15"),
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");

    expect(project()).toMatchObject({
      clientName: "Acme Outdoor Group",
      integrationType: "inventory",
      integrationTypes: ["inventory", "accounting"],
      integrationTypeSource: "chosen",
      leadEngineerId: "U0NEWLEAD",
      targetGoLive: "2027-03-15",
      name: "Acme order sync",
    });
    const [audit, ...more] = edits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorId: "U0PM",
      details: {
        changes: [
          { field: "clientName", from: "Acme Outdoor Co.", to: "Acme Outdoor Group" },
          { field: "integrationTypes", from: "Accounting (auto-detected)", to: "Inventory, Accounting" },
          { field: "leadEngineerId", from: "U0LEAD", to: "U0NEWLEAD" },
          { field: "targetGoLive", from: "2027-02-01", to: "2027-03-15" },
        ],
      },
    });

    const told = await t.emulator.waitForCall(
      "chat.postMessage",
      (c) => c.args.channel === CHANNEL && String(c.args.text).includes("changed the basics"),
    );
    expect(String(told.args.text)).toContain("Client: Acme Outdoor Co. → Acme Outdoor Group");
    expect(String(told.args.text)).toContain("Lead engineer: <@U0LEAD> → <@U0NEWLEAD>");

    expect(canvas(planCanvas)).toContain("**Client**: Acme Outdoor Group");
    expect(canvas(planCanvas)).toContain("**Integration Type**: Inventory");
    expect(canvas(planCanvas)).toContain("2027-03-15");
    expect(canvas(discoveryCanvas)).toContain("Acme Outdoor Group");
    expect(lastBoard()).toContain("Acme Outdoor Group");
    expect(lastBoard()).toContain("Lead <@U0NEWLEAD>");

    // The history says who changed what.
    const history = await t.slack.command({ text: "history", channelId: CHANNEL, userId: "U0PM" });
    expect(JSON.stringify(history.body)).toContain(
      "changed the project's Client, Integration types, Lead engineer, Target go-live",
    );
  });

  it("refuses bad input on its field, keeps the form open and changes nothing", async () => {
    const { viewId, values } = await openEditForm();
    const before = project();
    const res = await submit(viewId, {
      ...values,
      name: form.text("   "),
      system_b: form.text("shopify"),
      target_go_live: form.date("2026-01-01"),
      lead_engineer: form.user("not-a-person"),
    });
    expect(res.body).toMatchObject({
      response_action: "errors",
      errors: {
        name: "Project name is required.",
        system_b: "The target system must differ from the source system.",
        target_go_live: "The go-live date is in the past. Pick today or a later date.",
        lead_engineer: expect.any(String),
      },
    });
    expect(project()).toEqual(before);
    expect(edits()).toEqual([]);
  });

  it("says so when nothing changed, and saves nothing", async () => {
    const { viewId, values } = await openEditForm();
    const before = project();
    const editsBefore = t.emulator.callsTo("canvases.edit").length;
    const res = await submit(viewId, values);
    expect(res.body).toMatchObject({
      response_action: "errors",
      errors: { name: expect.stringContaining("Nothing changed, so nothing was saved") },
    });
    expect(project()).toEqual(before);
    expect(edits()).toEqual([]);
    expect(t.emulator.callsTo("canvases.edit")).toHaveLength(editsBefore);
  });

  it("keeps a go-live that has passed while it is not changed", async () => {
    t.setNow(new Date("2027-02-10T10:00:00Z"));
    const { viewId, values } = await openEditForm();
    const res = await submit(viewId, { ...values, volume_estimate: form.text("About 800 orders a day") });
    expect(res.body).toBe("");
    expect(project()).toMatchObject({ targetGoLive: "2027-02-01", volumeEstimate: "About 800 orders a day" });
  });

  it("goes back to auto-detection when every type is unpicked", async () => {
    const first = await openEditForm();
    await submit(first.viewId, { ...first.values, integration_types: form.multi(["inventory"]) });
    expect(project()).toMatchObject({ integrationType: "inventory", integrationTypeSource: "chosen" });
    const second = await openEditForm();
    expect(second.values.integration_types).toEqual(form.multi(["inventory"]));
    await submit(second.viewId, { ...second.values, integration_types: form.multi([]) });
    expect(project()).toMatchObject({
      integrationType: "accounting",
      integrationTypes: ["accounting"],
      integrationTypeSource: "auto",
    });
  });
});
