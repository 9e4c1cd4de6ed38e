import { describe, expect, it } from "vitest";
import { buildFieldTree, type ChoiceView, whereOf } from "../../src/documents/answer-fields.js";
import { planningAnswers } from "../../src/documents/planning-answers.js";
import { QUESTIONNAIRE_V1, type Questionnaire } from "../../src/domain/questionnaire/definition.js";

const systems = { systemA: "WooCommerce", systemB: "ShipStation" };

describe("document fields from the questionnaire's feeds", () => {
  it("puts each answer where its feeds say, in the shape the templates use", () => {
    const { plan, discovery } = buildFieldTree(
      QUESTIONNAIRE_V1,
      {
        system_b_rate_limit: "40 requests per minute",
        system_b_webhooks: "partial",
        sync_strategy: ["realtime", "batch"],
        target_sync_success_rate: 99.5,
        risks: [{ risk: "Carrier outage", likelihood: "Low", impact: "High", mitigation: "Manual labels" }],
      },
      systems,
    );
    expect(plan.system_b).toMatchObject({
      rate_limit: "40 requests per minute",
      webhook_support: "Yes, for some events",
    });
    expect(discovery.sync_strategy).toEqual({
      answered: true,
      selected: ["Real-time (webhooks)", "Batch (scheduled sync)"],
      options: [
        { label: "Real-time (webhooks)", checked: true },
        { label: "Near real-time (polling)", checked: false },
        { label: "Batch (scheduled sync)", checked: true },
        { label: "On demand (user triggered)", checked: false },
      ],
    });
    expect(plan.target_rate).toBe(99.5);
    expect(plan.risks).toEqual([
      { risk: "Carrier outage", likelihood: "Low", impact: "High", mitigation: "Manual labels", owner: "" },
    ]);
  });

  it("has every fed field even when nothing is answered, so strict templates can rely on it", () => {
    const { plan, discovery } = buildFieldTree(QUESTIONNAIRE_V1, {}, systems);
    expect(whereOf(plan.current_state_description)).toBe("/intplan interview 1 (How is this done today?)");
    expect(plan.pain_points).toEqual([]);
    expect(whereOf(plan.target_rate)).toMatch(/^\/intplan interview \d+ \(Target sync success rate \(%\)\)$/);
    expect(discovery.reporting).toMatchObject({ answered: false, selected: [] });
    expect(whereOf((discovery.reporting as ChoiceView).selected)).toMatch(/^\/intplan interview \d+ /);
    expect(whereOf((discovery.stakeholders as Record<string, unknown>).qa_lead)).toMatch(/\(QA lead\)$/);
  });

  it("adds up lists that several questions feed", () => {
    const { discovery } = buildFieldTree(
      QUESTIONNAIRE_V1,
      {
        uat_scenarios: ["Renewal order ships"],
        error_scenarios: ["Rate limit at peak"],
      },
      systems,
    );
    expect(discovery.test_scenarios).toEqual(["Renewal order ships", "Rate limit at peak"]);
  });

  it("ignores stored values of the wrong shape", () => {
    const { plan } = buildFieldTree(
      QUESTIONNAIRE_V1,
      {
        target_sync_success_rate: "99",
        pain_points: "late",
      },
      systems,
    );
    expect(whereOf(plan.target_rate)).not.toBeNull();
    expect(plan.pain_points).toEqual([]);
  });

  it("refuses a definition whose feeds collide", () => {
    const clash: Questionnaire = {
      version: 99,
      sections: [
        {
          id: "s",
          title: "S",
          questions: [
            { id: "a", kind: "short_text", label: "A", feeds: ["plan.team"] },
            { id: "b", kind: "short_text", label: "B", feeds: ["plan.team.lead"] },
          ],
        },
      ],
    };
    expect(() => buildFieldTree(clash, {}, systems)).toThrow('Feed "plan.team.lead" goes below a value.');
  });
});

describe("typed placeholders and N/A in the fields", () => {
  it("reads a typed TBD as unanswered, naming where to answer, and N/A as Not applicable", () => {
    const { plan } = buildFieldTree(
      QUESTIONNAIRE_V1,
      {
        current_state: "TBD",
        system_b_rate_limit: "?",
        system_b_batch_operations: "n/a",
        system_b_quirks: ["N/A"],
        system_a_quirks: ["None"],
        pain_points: ["not sure", "Labels printed twice"],
      },
      systems,
    );
    expect(whereOf(plan.current_state_description)).toBe("/intplan interview 1 (How is this done today?)");
    expect(plan.system_b).toMatchObject({ batch_operations: "Not applicable", quirks: ["Not applicable"] });
    expect(plan.system_a).toMatchObject({ quirks: ["None"] });
    expect(whereOf((plan.system_b as Record<string, unknown>).rate_limit)).toBe(
      "/intplan interview 5 (ShipStation rate limits)",
    );
    expect(plan.pain_points).toEqual(["Labels printed twice"]);
  });

  it("does not accept N/A for a required question: it stays unanswered", () => {
    const { plan } = buildFieldTree(QUESTIONNAIRE_V1, { current_state: "N/A" }, systems);
    expect(whereOf(plan.current_state_description)).not.toBeNull();
  });
});

describe("planning details in the Discovery Document", () => {
  it("groups the answers only the plan uses by interview section, with system names filled in", () => {
    const groups = planningAnswers(
      QUESTIONNAIRE_V1,
      { error_rate: 2.5, workflows: ["Paid order → ShipStation order"], backend_developer: "U06DEV00003" },
      systems,
    );
    const answer = (label: string) => groups.flatMap((g) => g.answers).find((a) => a.label === label);
    expect(groups[0]?.title).toBe("Current state and pain points");
    expect(answer("Share of records with errors today (%)")).toEqual({
      label: "Share of records with errors today (%)",
      value: "2.5%",
      items: null,
      userId: null,
    });
    expect(answer("Workflows to build")?.items).toEqual(["Paid order → ShipStation order"]);
    expect(answer("Backend developer")?.userId).toBe("U06DEV00003");
    expect(answer("Cloud hosting provider")).toMatchObject({ label: "Cloud hosting provider", items: null });
    expect(whereOf(answer("Cloud hosting provider")?.value)).toMatch(/\(Cloud hosting provider\)$/);
  });

  it("leaves out answers the document already shows in a seed section", () => {
    const labels = planningAnswers(QUESTIONNAIRE_V1, {}, systems).flatMap((g) =>
      g.answers.map((a) => a.label),
    );
    expect(labels).not.toContain("How is this done today?");
    expect(labels).not.toContain("ShipStation rate limits");
  });
});
