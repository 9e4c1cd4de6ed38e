import { describe, expect, it } from "vitest";
import {
  allQuestions,
  getQuestionnaire,
  LATEST_QUESTIONNAIRE_VERSION,
  QUESTIONNAIRE_V1,
  QUESTIONNAIRE_V2,
  QUESTIONNAIRE_V3,
} from "../../src/domain/questionnaire/definition.js";
import { whereAnswered } from "../../src/domain/questionnaire/where-answered.js";

const questions = allQuestions(QUESTIONNAIRE_V1);
const questionIds = new Set(questions.map((q) => q.id));
const feeds = new Set(questions.flatMap((q) => q.feeds ?? []));

describe("questionnaire versions", () => {
  it("a new project starts with version 3 and a project keeps its version", () => {
    expect(LATEST_QUESTIONNAIRE_VERSION).toBe(3);
    expect(getQuestionnaire(1)).toBe(QUESTIONNAIRE_V1);
    expect(getQuestionnaire(2)).toBe(QUESTIONNAIRE_V2);
    expect(getQuestionnaire(3)).toBe(QUESTIONNAIRE_V3);
  });

  it("an unknown version is a clear error", () => {
    expect(() => getQuestionnaire(99)).toThrow("Unknown questionnaire version 99; known versions: 1, 2, 3.");
  });

  it("version 2 keeps every question of version 1, and every section at the number it had", () => {
    const v2Ids = new Set(allQuestions(QUESTIONNAIRE_V2).map((q) => q.id));
    for (const id of questionIds) expect(v2Ids.has(id), id).toBe(true);
    QUESTIONNAIRE_V1.sections.forEach((section, i) => {
      expect(QUESTIONNAIRE_V2.sections[i]?.id).toBe(section.id);
    });
  });

  it("version 2 asks what the companion documents need, where a PM looks for it", () => {
    const sectionOfQuestion = (id: string) =>
      QUESTIONNAIRE_V2.sections.find((s) => s.questions.some((q) => q.id === id))?.id;
    for (const id of ["uat_participants", "uat_duration_days", "deployment_communications"])
      expect(sectionOfQuestion(id), id).toBe("testing_deployment");
    for (const id of ["warranty_days", "support_hours", "support_response_times", "escalation_contacts"])
      expect(sectionOfQuestion(id), id).toBe("support");
    for (const id of ["payment_terms", "invoice_terms", "client_signatory", "agency_signatory"])
      expect(sectionOfQuestion(id), id).toBe("commercial");
  });
});

describe.each([QUESTIONNAIRE_V1, QUESTIONNAIRE_V2, QUESTIONNAIRE_V3])(
  "questionnaire v$version integrity",
  (questionnaire) => {
    const questions = allQuestions(questionnaire);
    const questionIds = new Set(questions.map((q) => q.id));
    const feeds = new Set(questions.flatMap((q) => q.feeds ?? []));
    // 14 questions: the ROI's and the schedule's inputs (build cost, margin, planned start, blackout dates)
    // joined the sections that ask about money and phases; the Block Kit limits tests keep each modal valid.
    // Version 2's two sections after the open questions (support, commercial terms) make 16; version 3's
    // environments, access and cut-over make 17.
    it("has at most 17 sections of at most 14 questions, so each modal stays usable", () => {
      expect(questionnaire.sections.length).toBeLessThanOrEqual(17);
      for (const section of questionnaire.sections) {
        expect(section.questions.length, section.id).toBeGreaterThan(0);
        expect(section.questions.length, section.id).toBeLessThanOrEqual(14);
      }
    });

    it("uses unique snake_case ids for sections and questions", () => {
      const snake = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
      const sectionIds = questionnaire.sections.map((s) => s.id);
      expect(new Set(sectionIds).size).toBe(sectionIds.length);
      expect(questionIds.size).toBe(questions.length);
      for (const id of [...sectionIds, ...questionIds]) expect(id).toMatch(snake);
    });

    it("keeps option values short, stable and unique, within Slack's option limits", () => {
      for (const q of questions) {
        if (q.kind !== "single_select" && q.kind !== "multi_select" && q.kind !== "checkboxes") continue;
        const values = q.options.map((o) => o.value);
        expect(new Set(values).size, q.id).toBe(values.length);
        expect(q.options.length, q.id).toBeLessThanOrEqual(q.kind === "checkboxes" ? 10 : 100);
        for (const o of q.options) {
          expect(o.value, q.id).toMatch(/^[a-z0-9_]{1,75}$/);
          expect(o.label.length, q.id).toBeLessThanOrEqual(75);
        }
      }
    });

    it("keeps labels, hints and placeholders within Slack's limits, leaving room for system names", () => {
      const longName = "x".repeat(60);
      const named = (text: string) =>
        text.replaceAll("{systemA}", longName).replaceAll("{systemB}", longName);
      for (const q of questions) {
        expect(named(q.label).length, q.id).toBeLessThanOrEqual(2000);
        expect(named(q.hint ?? "").length, q.id).toBeLessThanOrEqual(1500);
        expect(named(q.placeholder ?? "").length, q.id).toBeLessThanOrEqual(150);
      }
    });

    it("names only known document fields in feeds", () => {
      for (const field of feeds) expect(field).toMatch(/^(plan|discovery)\.[a-z_]+(\.[a-z_]+)*$/);
    });

    it("gives tables unique column ids and at least one required column", () => {
      for (const q of questions) {
        if (q.kind !== "table") continue;
        const ids = q.columns.map((c) => c.id);
        expect(new Set(ids).size, q.id).toBe(ids.length);
        expect(q.columns[0]?.optional, q.id).toBeFalsy();
      }
    });
  },
);

describe("coverage of the Deep Discovery Document template", () => {
  // Every heading of the seed template (## and ###), and the questions that answer it.
  const SEED_HEADINGS: Record<string, string[]> = {
    "Executive Summary": ["executive_summary"],
    "Current State (v1)": ["current_state", "pain_points"],
    "Vision & Dream State": ["dream_state"],
    "Immediate Value (MVP)": ["mvp_benefits"],
    "Future Value (Post-MVP)": ["future_benefits", "strategic_advantage"],
    "Primary User Flow": [
      "journey_trigger",
      "journey_system_response",
      "journey_integration_point",
      "journey_data_processing",
      "journey_user_feedback",
      "journey_business_outcome",
    ],
    "Alternative Flows": ["flow_error_case", "flow_partial_data", "flow_rate_limited"],
    "API Capabilities": [
      "system_a_auth_method",
      "system_a_rate_limit",
      "system_a_data_formats",
      "system_a_sync_modes",
      "system_a_sla",
      "system_b_auth_method",
      "system_b_rate_limit",
      "system_b_data_formats",
      "system_b_sync_modes",
      "system_b_sla",
    ],
    "Data Model Mapping": ["source_payload_example", "target_model"],
    "Transformation Logic": ["field_mappings", "data_enrichment", "validation_rules", "default_values"],
    "Sync Strategy": ["sync_strategy"],
    "Data Flow Diagram": ["data_flow"],
    "Error Handling Strategy": [
      "retry_logic",
      "fallback_behavior",
      "failure_notification",
      "recovery_process",
    ],
    "Configuration Interface": ["config_settings", "credential_validation"],
    "Data Display": ["data_display"],
    "Status & Monitoring": ["status_visibility"],
    "Authentication & Authorization": ["auth_security_checks"],
    "Data Security": ["data_security_checks", "pii_handling", "retention_policy", "audit_logging"],
    Compliance: ["compliance_checks", "regulations", "data_residency", "deletion_process"],
    "Response Times": ["target_sync_duration", "api_timeouts", "ui_loading_states"],
    Scalability: ["data_volume", "growth_rate", "storage_needs"],
    "Optimization Strategies": ["optimization_strategies"],
    "Phase 1: MVP": ["mvp_goal", "mvp_target_date", "mvp_features", "mvp_success_criteria"],
    "Phase 2: Enhanced": ["later_phases"],
    "Phase 3: Advanced": ["later_phases"],
    "Test Scenarios": ["uat_scenarios", "error_scenarios"],
    "Key Metrics": [
      "target_sync_success_rate",
      "target_sync_duration",
      "data_freshness",
      "target_error_rate",
    ],
    Alerts: ["alert_thresholds"],
    Reporting: ["reporting"],
    "Direct Costs": ["api_costs", "storage_costs", "processing_costs"],
    "Indirect Costs": ["development_hours", "maintenance_hours_per_month", "support_hours_per_month"],
    "ROI Calculation": ["hours_per_week", "hourly_cost", "revenue_impact"],
    "Risk Assessment": ["risks"],
    "Business Questions": ["business_questions"],
    "Technical Questions": ["technical_questions"],
    "UX Questions": ["ux_questions"],
    "External Dependencies": ["external_dependencies"],
    "Internal Dependencies": ["internal_dependencies"],
    "MVP Success": ["mvp_success_criteria"],
    "Long-term Success": ["long_term_success_metrics"],
    "Developer Documentation": ["developer_docs"],
    "User Documentation": ["user_docs"],
    Stakeholders: ["product_owner", "tech_lead", "ux_designer", "qa_lead"],
    "Review Notes": ["review_notes"],
  };

  it.each(Object.entries(SEED_HEADINGS))("“%s” is asked by %j", (_heading, ids) => {
    for (const id of ids) expect(questionIds, id).toContain(id);
  });

  it("has every question feed at least one document field", () => {
    const feedingNothing = questions.filter((q) => (q.feeds ?? []).length === 0);
    expect(feedingNothing.map((q) => q.id)).toEqual([]);
  });
});

describe("coverage of the Implementation Plan template", () => {
  // The plan's placeholders that come from the interview, and the field each is fed through.
  const PLAN_FIELDS = [
    "plan.current_state_description",
    "plan.pain_points",
    "plan.time_savings",
    "plan.error_reduction",
    "plan.roi_estimate",
    "plan.business_objectives",
    "plan.approach_rationale",
    "plan.workflows",
    "plan.edge_cases",
    "plan.performance_scenario",
    "plan.performance_targets",
    "plan.system_a.account_details",
    "plan.system_b.account_details",
    "plan.cloud_provider",
    "plan.secret_manager",
    "plan.monitoring_tool",
    "plan.additional_dependencies",
    "plan.system_a.rate_limit",
    "plan.system_a.webhook_support",
    "plan.system_a.batch_operations",
    "plan.system_a.quirks",
    "plan.system_b.rate_limit",
    "plan.system_b.webhook_support",
    "plan.system_b.batch_operations",
    "plan.system_b.quirks",
    "plan.has_data_migration",
    "plan.migration_scope",
    "plan.migration_cleanup",
    "plan.migration_strategy",
    "plan.migration_time",
    "plan.risks",
    "plan.test_data.source",
    "plan.test_data.volume",
    "plan.test_data.approach",
    "plan.test_data.refresh",
    "plan.test_scenarios",
    "plan.error_scenarios",
    "plan.deployment_strategy",
    "plan.deployment_window",
    "plan.rollback_criteria",
    "plan.rollback_time",
    "plan.deployment_steps",
    "plan.monitoring_period",
    "plan.stabilization_period",
    "plan.target_rate",
    "plan.target_duration",
    "plan.target_error_rate",
    "plan.accuracy_metric",
    "plan.response_time_target",
    "plan.log_location",
    "plan.dashboard_url",
    "plan.alert_destination",
    "plan.incident_tool",
    "plan.alert_thresholds",
    "plan.open_questions.business",
    "plan.open_questions.technical",
    "plan.open_questions.ux",
    "plan.assumptions_to_validate",
    "plan.success_criteria",
    "plan.team.backend_developer",
    "plan.team.qa_engineer",
    "plan.team.devops_engineer",
    "plan.team.client_poc",
  ];

  it.each(PLAN_FIELDS)("some question feeds %s", (field) => {
    expect(feeds).toContain(field);
  });

  it("lets the plan table its risks as risk | likelihood | impact | mitigation | owner, rated Low/Medium/High", () => {
    const risks = questions.find((q) => q.id === "risks");
    expect(risks?.kind).toBe("table");
    if (risks?.kind !== "table") return;
    expect(risks.columns.map((c) => c.id)).toEqual(["risk", "likelihood", "impact", "mitigation", "owner"]);
    expect(risks.columns[1]?.options).toEqual(["Low", "Medium", "High"]);
    expect(risks.columns[2]?.options).toEqual(["Low", "Medium", "High"]);
  });

  it("asks for alert thresholds as alert | threshold | severity | response time", () => {
    const alerts = questions.find((q) => q.id === "alert_thresholds");
    expect(alerts?.kind === "table" && alerts.columns.map((c) => c.id)).toEqual([
      "alert",
      "threshold",
      "severity",
      "response_time",
    ]);
  });

  it("names each system in the labels of its API questions", () => {
    const systemA = questions.filter((q) => q.id.startsWith("system_a_"));
    const systemB = questions.filter((q) => q.id.startsWith("system_b_"));
    expect(systemA.length).toBe(systemB.length);
    for (const q of systemA) expect(q.label).toContain("{systemA}");
    for (const q of systemB) expect(q.label).toContain("{systemB}");
  });
});

describe("where a question is answered", () => {
  const systems = { systemA: "Shopify", systemB: "QuickBooks Online" };

  it("names the interview section by its number and the question by its label, with the system names", () => {
    expect(whereAnswered(QUESTIONNAIRE_V1, "system_a_webhooks", systems)).toMatch(
      /^\/intplan interview 4 \(.*\)$/,
    );
    expect(whereAnswered(QUESTIONNAIRE_V1, "hourly_cost", systems)).toBe(
      "/intplan interview 1 (Loaded cost of an hour of that work (USD))",
    );
  });

  it("knows nothing of an id the questionnaire does not have", () => {
    expect(whereAnswered(QUESTIONNAIRE_V1, "no_such_question", systems)).toBeNull();
  });
});
