import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { answers, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { stateShownIn } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

interface ShownView {
  callback_id: string;
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    element?: { initial_value?: string; initial_option?: { value?: string } };
    elements?: { text?: string }[];
  }[];
}

const SECTION_A = QUESTIONNAIRE_V2.sections.findIndex((s) => s.id === "system_a_api");
const SHOPIFY_LIMITS = "https://shopify.dev/docs/api/usage/rate-limits";

describe("system profiles in the interview and the plan", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
    // The project names Shopify and QuickBooks Online (test/support/forms.ts).
    await createProjectThroughSlack(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const projectId = () => t.db.select().from(projects).get()?.id ?? 0;
  const stored = (questionId: string) =>
    t.db
      .select()
      .from(answers)
      .where(and(eq(answers.projectId, projectId()), eq(answers.questionId, questionId)))
      .get();
  const contextTexts = (view: ShownView) =>
    view.blocks
      .filter((b) => b.type === "context")
      .flatMap((b) => (b.elements ?? []).map((e) => e.text ?? ""));

  /** The context line right under a question's input, if any. */
  const noteUnder = (view: ShownView, blockId: string) => {
    const at = view.blocks.findIndex((b) => b.block_id === blockId);
    const next = view.blocks[at + 1];
    return next?.type === "context" ? (next.elements ?? []).map((e) => e.text ?? "").join(" ") : "";
  };

  /** `/intplan interview <n>`: the modal Slack opens. */
  async function openSection(index: number) {
    const res = await t.slack.command({
      text: `interview ${index + 1}`,
      userId: "U0PM",
      channelId: "C0PROJECT",
    });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    return { viewId: openedViewId(open), view: open.args.view as ShownView };
  }

  async function pressNext(
    index: number,
    opened: { viewId: string; view: ShownView },
    overrides: Record<string, Record<string, unknown>> = {},
  ) {
    const section = QUESTIONNAIRE_V2.sections[index];
    if (!section) throw new Error(`no section ${index}`);
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: opened.viewId,
      callbackId: opened.view.callback_id,
      privateMetadata: opened.view.private_metadata,
      values: stateShownIn(section, opened.view, overrides),
    });
    await t.idle();
  }

  async function publishedPlan(): Promise<string> {
    await t.slack.command({ text: "plan", userId: "U0PM", channelId: "C0PROJECT" });
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    return t.emulator.canvases.get(String(created.answer?.canvas_id))?.markdown ?? "";
  }

  /** The plan's line starting so; fails when there is none. */
  const line = (markdown: string, start: string) => {
    const found = markdown.split("\n").find((l) => l.startsWith(start));
    if (found === undefined) throw new Error(`The plan has no line starting "${start}".`);
    return found;
  };

  it("a project naming Shopify and QuickBooks Online gets their profiles' facts offered with sources", async () => {
    const opened = await openSection(SECTION_A);
    expect(validateView(opened.view as never)).toEqual([]);
    const rate = opened.view.blocks.find((b) => b.block_id === "system_a_rate_limit");
    expect(rate?.element?.initial_value).toMatch(/GraphQL Admin API: 100 points\/second/);
    const webhooks = opened.view.blocks.find((b) => b.block_id === "system_a_webhooks");
    expect(webhooks?.element?.initial_option?.value).toBe("yes");
    const notes = contextTexts(opened.view);
    expect(
      notes.some((n) =>
        /Pre-filled from the \*Shopify\* profile.*checked 2 Dec 2026.*Edit anything that differs/.test(n),
      ),
    ).toBe(true);
    expect(notes).toContain(
      `From the profile: <${SHOPIFY_LIMITS}|Shopify's documentation>, checked 2 Dec 2026`,
    );

    // Saved as shown: each offered value is kept with the page it came from.
    await pressNext(SECTION_A, opened);
    expect(stored("system_a_rate_limit")?.source).toEqual({
      from: "profile",
      profileId: "shopify",
      systemName: "Shopify",
      url: SHOPIFY_LIMITS,
      checkedOn: "2026-12-02",
    });

    // QuickBooks Online's section is offered its own profile's facts too.
    const quickbooks = await openSection(SECTION_A + 1);
    const qboRate = quickbooks.view.blocks.find((b) => b.block_id === "system_b_rate_limit");
    expect(qboRate?.element?.initial_value).toMatch(/500 requests\/minute per realm ID/);
    expect(contextTexts(quickbooks.view).some((n) => n.includes("*QuickBooks Online* profile"))).toBe(true);
    await pressNext(SECTION_A + 1, quickbooks);

    const plan = await publishedPlan();
    const cited = `_(Source: [Shopify's documentation](${SHOPIFY_LIMITS}), checked 2 Dec 2026)_`;
    expect(line(plan, "- Rate limit: GraphQL Admin API")).toContain(cited);
    expect(plan).toMatch(
      /- Rate limit: 500 requests\/minute per realm ID.*Source: \[QuickBooks Online's documentation\]\(https:\/\/developer\.intuit\.com\//,
    );

    // Opened again, the saved values still say where they came from.
    const again = await openSection(SECTION_A);
    expect(noteUnder(again.view, "system_a_rate_limit")).toContain("Shopify's documentation");
    expect(noteUnder(again.view, "system_a_webhooks")).toContain("Shopify's documentation");

    // Someone edits one value: that one no longer cites the vendor; the others still do.
    await pressNext(SECTION_A, again, {
      system_a_rate_limit: form.text("Plus plan for this client: 1000 points/second"),
    });
    expect(stored("system_a_rate_limit")).toMatchObject({
      value: "Plus plan for this client: 1000 points/second",
      source: null,
    });
    const edited = await openSection(SECTION_A);
    expect(noteUnder(edited.view, "system_a_rate_limit")).toBe("");
    expect(noteUnder(edited.view, "system_a_webhooks")).toContain("Shopify's documentation");
    const republished = await publishedPlanAgain();
    expect(line(republished, "- Rate limit: Plus plan for this client")).not.toContain("Source:");
    expect(line(republished, "- Webhook support:")).toContain("Source: [Shopify's documentation]");
  });

  /** `/intplan plan` again: the canvas as the new version updated it. */
  async function publishedPlanAgain(): Promise<string> {
    await t.slack.command({ text: "plan", userId: "U0PM", channelId: "C0PROJECT" });
    await t.idle();
    const created = t.emulator.callsTo("canvases.create").find((c) => c.answer?.ok === true);
    return t.emulator.canvases.get(String(created?.answer?.canvas_id))?.markdown ?? "";
  }
});
