import { describe, expect, it } from "vitest";
import { carryOverAnswers } from "../../src/domain/questionnaire/carry-over.js";
import {
  allQuestions,
  QUESTIONNAIRE_V1,
  QUESTIONNAIRE_V2,
  QUESTIONNAIRE_V3,
  type Question,
} from "../../src/domain/questionnaire/definition.js";

const v2 = new Map(allQuestions(QUESTIONNAIRE_V2).map((q) => [q.id, q]));
const v3 = new Map(allQuestions(QUESTIONNAIRE_V3).map((q) => [q.id, q]));
const optionsOf = (q: Question | undefined) => (q && "options" in q ? q.options.map((o) => o.value) : []);
const sectionOf = (id: string) =>
  QUESTIONNAIRE_V3.sections.find((s) => s.questions.some((q) => q.id === id))?.id;

describe("questionnaire version 3, for agencies", () => {
  it("feeds every document field version 2 fed, so the plan and discovery document read the same fields", () => {
    const fedByV3 = new Set(allQuestions(QUESTIONNAIRE_V3).flatMap((q) => q.feeds ?? []));
    const unfed = allQuestions(QUESTIONNAIRE_V2)
      .flatMap((q) => q.feeds ?? [])
      .filter((field) => !fedByV3.has(field));
    expect(unfed).toEqual([]);
  });

  it("keeps every version 2 question, with its id and kind, so answers carry over by id", () => {
    for (const [id, question] of v2) {
      expect(v3.get(id)?.kind, id).toBe(question.kind);
    }
  });

  it("reuses version 2's question objects where it keeps them unchanged", () => {
    expect(v3.get("risks")).toBe(v2.get("risks"));
    expect(v3.get("field_mappings")).toBe(v2.get("field_mappings"));
    expect(v3.get("system_a_rate_limit")).toBe(v2.get("system_a_rate_limit"));
    expect(v3.get("support_response_times")).toBe(v2.get("support_response_times"));
  });

  it("asks PII, retention, audit logging, residency and deletion once, as the text questions", () => {
    expect(optionsOf(v3.get("data_security_checks"))).toEqual([
      "encryption_in_transit",
      "encryption_at_rest",
    ]);
    expect(optionsOf(v3.get("compliance_checks"))).toEqual(["gdpr", "industry_regulations"]);
    for (const id of [
      "pii_handling",
      "retention_policy",
      "audit_logging",
      "data_residency",
      "deletion_process",
    ])
      expect(v3.get(id)?.kind, id).toMatch(/_text$/);
  });

  it("drops the product team's wording: no frontend framework, no UX designer, no UI loading states", () => {
    expect(optionsOf(v3.get("internal_dependencies"))).not.toContain("frontend_framework");
    const labels = allQuestions(QUESTIONNAIRE_V3).map((q) => q.label);
    for (const label of labels) expect(label).not.toMatch(/\bUX\b|UX designer|User interface loading/);
    expect(QUESTIONNAIRE_V3.sections.map((s) => s.title)).not.toContain("Architecture and UX");
  });

  it("asks what integration work needs, where a PM looks for it", () => {
    expect(sectionOf("entity_sync_rules")).toBe("data_mapping");
    expect(sectionOf("record_matching")).toBe("data_mapping");
    expect(sectionOf("build_approach")).toBe("architecture");
    for (const id of [
      "environments_access",
      "credentials_owner",
      "cutover_parallel_run",
      "cutover_backfill",
      "manual_process_switch_off",
    ])
      expect(sectionOf(id), id).toBe("environments");
    expect(sectionOf("client_budget")).toBe("commercial");
    expect(sectionOf("change_request_terms")).toBe("commercial");
    expect(sectionOf("support_handoff")).toBe("support");
    expect(sectionOf("client_stakeholders")).toBe("open_questions");

    const rules = v3.get("entity_sync_rules");
    expect(rules?.kind === "table" && rules.columns.map((c) => c.id)).toEqual([
      "entity",
      "direction",
      "system_of_record",
      "conflict_rule",
    ]);
    const people = v3.get("client_stakeholders");
    expect(people?.kind === "table" && people.columns.map((c) => [c.id, c.optional ?? false])).toEqual([
      ["name", false],
      ["role", false],
      ["email", true],
    ]);
    expect(optionsOf(v3.get("build_approach"))).toContain("undecided");
  });

  it("words every new question as an open question for the documents", () => {
    const added = [...v3.values()].filter((q) => !v2.has(q.id));
    expect(added.length).toBeGreaterThan(0);
    for (const q of added) expect(q.ask, q.id).toMatch(/\?$/);
  });
});

describe("carrying answers over to a new version", () => {
  it("keeps answers to the same question by id", () => {
    const moved = carryOverAnswers(
      { current_state: "By hand", pain_points: ["Late"], system_a_auth_method: "oauth2" },
      QUESTIONNAIRE_V2,
      QUESTIONNAIRE_V3,
    );
    expect(moved.answers).toEqual({
      current_state: "By hand",
      pain_points: ["Late"],
      system_a_auth_method: "oauth2",
    });
    expect(moved.kept).toEqual(["current_state", "pain_points", "system_a_auth_method"]);
    expect(moved.notCarried).toEqual([]);
  });

  it("removes a dropped option, and writes a ticked box into the text question that asks its fact now, only when empty", () => {
    const moved = carryOverAnswers(
      {
        data_security_checks: ["encryption_in_transit", "pii_handling", "audit_logging"],
        audit_logging: "Every sync, 1 year",
        internal_dependencies: ["database_schema", "frontend_framework"],
      },
      QUESTIONNAIRE_V2,
      QUESTIONNAIRE_V3,
    );
    expect(moved.answers.data_security_checks).toEqual(["encryption_in_transit"]);
    expect(moved.answers.pii_handling).toBe("Personal data (PII) flows and needs handling.");
    expect(moved.answers.audit_logging).toBe("Every sync, 1 year");
    expect(moved.answers.internal_dependencies).toEqual(["database_schema"]);
    expect(moved.notCarried).toEqual([
      expect.objectContaining({ questionId: "internal_dependencies", value: ["frontend_framework"] }),
      expect.objectContaining({ questionId: "data_security_checks", value: ["audit_logging"] }),
    ]);
    expect(moved.reshaped.map((r) => r.questionId)).toEqual([
      "data_security_checks",
      "internal_dependencies",
      "pii_handling",
    ]);
  });

  it("lists what the new version does not ask, with its value", () => {
    const moved = carryOverAnswers({ client_budget: "USD 20,000" }, QUESTIONNAIRE_V3, QUESTIONNAIRE_V2);
    expect(moved.answers).toEqual({});
    expect(moved.notCarried).toEqual([
      {
        questionId: "client_budget",
        label: "The client's budget",
        value: "USD 20,000",
        reason: "version 2 does not ask it",
      },
    ]);
  });

  it("carries a version 1 project straight to version 3", () => {
    const moved = carryOverAnswers(
      { compliance_checks: ["gdpr", "data_residency"], data_residency: "" },
      QUESTIONNAIRE_V1,
      QUESTIONNAIRE_V3,
    );
    expect(moved.answers).toEqual({
      compliance_checks: ["gdpr"],
      data_residency: "Data residency requirements apply.",
    });
  });
});
