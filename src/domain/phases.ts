import type { IntegrationType } from "./integration-type.js";
import { withSystemNames } from "./text.js";

/** The Implementation Plan's five phases, their tasks and exit criteria (from the plan template). */

export const PHASE_STATUSES = ["not-started", "in-progress", "blocked", "done"] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** A phase's checklist has tasks and exit criteria. */
export const CHECKLIST_KINDS = ["task", "exit"] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/**
 * Whether a checklist item is part of the work: "in" (it is), "suggested" (a type-specific task the PM has
 * not confirmed yet) or "out" (marked not in scope, by whom and when; it leaves the progress counts).
 */
export const CHECKLIST_SCOPES = ["in", "suggested", "out"] as const;
export type ChecklistScope = (typeof CHECKLIST_SCOPES)[number];

export interface ChecklistEntry {
  /** Stable across versions: ticks are stored against it. */
  key: string;
  label: string;
  /** Only for these integration types; every type when absent. */
  types?: readonly IntegrationType[];
}

export interface PhaseDefinition {
  number: 1 | 2 | 3 | 4 | 5;
  name: string;
  aliases: readonly string[];
  tasks: readonly ChecklistEntry[];
  exitCriteria: readonly ChecklistEntry[];
}

const t = (key: string, label: string, types?: readonly IntegrationType[]): ChecklistEntry =>
  types ? { key, label, types } : { key, label };

export const PHASES: readonly PhaseDefinition[] = [
  {
    number: 1,
    name: "Discovery & Design",
    aliases: ["discovery", "design", "discovery-design", "planning", "plan", "d&d"],
    tasks: [
      t("p1.credentials-a", "Obtain API credentials for {systemA}"),
      t("p1.credentials-b", "Obtain API credentials for {systemB}"),
      t("p1.validate-access", "Validate API access and permissions"),
      t("p1.data-mapping", "Complete field-level data mapping (see Technical Specs)"),
      t("p1.business-rules", "Document business rules and edge cases"),
      t("p1.test-data", "Create test data scenarios"),
      t("p1.specs-signoff", "Get sign-off on Technical Specifications document"),
    ],
    exitCriteria: [
      t("p1.exit.credentials", "All API credentials obtained and tested"),
      t("p1.exit.mapping", "Data mapping approved by client"),
      t("p1.exit.specs", "Technical Specs document signed off"),
      t("p1.exit.questions", "No blocking open questions remain"),
    ],
  },
  {
    number: 2,
    name: "Development",
    aliases: ["dev", "develop", "build", "implementation", "coding"],
    tasks: [
      t("p2.hosting", "Set up cloud hosting environment"),
      t("p2.credential-storage", "Configure secure credential storage"),
      t("p2.logging", "Set up logging infrastructure"),
      t("p2.dashboards", "Create monitoring dashboards"),
      t("p2.client-a", "Implement {systemA} API client"),
      t("p2.client-b", "Implement {systemB} API client"),
      t("p2.transform", "Build data transformation layer"),
      t("p2.scheduler", "Implement sync scheduler"),
      t("p2.retry", "Build error handling and retry logic"),
      t("p2.rate-limit", "Implement rate limiting protection"),
      t("p2.acc.invoice", "Order-to-invoice mapping", ["accounting"]),
      t("p2.acc.tax", "Tax calculation integration", ["accounting"]),
      t("p2.acc.payments", "Payment reconciliation logic", ["accounting"]),
      t("p2.acc.summary", "Daily financial summary reports", ["accounting"]),
      t("p2.mkt.profiles", "Customer profile sync", ["marketing"]),
      t("p2.mkt.segments", "Segmentation rule engine", ["marketing"]),
      t("p2.mkt.triggers", "Email trigger automation", ["marketing"]),
      t("p2.mkt.privacy", "Privacy compliance checks", ["marketing"]),
      t("p2.ful.routing", "Order routing logic", ["fulfillment"]),
      t("p2.ful.labels", "Shipping label generation", ["fulfillment"]),
      t("p2.ful.tracking", "Tracking number sync", ["fulfillment"]),
      t("p2.ful.returns", "Returns processing workflow", ["fulfillment"]),
      t("p2.inv.locations", "Multi-location inventory sync", ["inventory"]),
      t("p2.inv.alerts", "Low stock alert system", ["inventory"]),
      t("p2.inv.reconcile", "Stock reconciliation reports", ["inventory"]),
      t("p2.inv.buffer", "Buffer stock logic", ["inventory"]),
      t("p2.pos.eod", "End-of-day sales summary", ["pos"]),
      t("p2.pos.inventory", "Cross-channel inventory coordination", ["pos"]),
      t("p2.pos.offline", "Offline transaction queue", ["pos"]),
      t("p2.pos.hardware", "Hardware interface testing", ["pos"]),
      t("p2.unit-tests", "Unit tests for all core functions"),
      t("p2.integration-tests", "Integration tests for API interactions"),
      t("p2.validation-tests", "Data validation tests"),
      t("p2.error-tests", "Error scenario tests"),
    ],
    exitCriteria: [
      t("p2.exit.workflows", "All workflows implemented and tested"),
      t("p2.exit.review", "Code review completed"),
      t("p2.exit.coverage", "Unit test coverage >80%"),
      t("p2.exit.integration", "Integration tests passing"),
      t("p2.exit.uat-ready", "Ready for UAT environment deployment"),
    ],
  },
  {
    number: 3,
    name: "Testing & Validation",
    aliases: ["testing", "test", "tests", "qa", "uat", "validation", "testing-validation"],
    tasks: [
      t("p3.staging", "Deploy to staging environment"),
      t("p3.uat-credentials", "Configure with UAT API credentials"),
      t("p3.load-data", "Load test data"),
      t("p3.uat-monitoring", "Set up monitoring for UAT"),
      t("p3.happy-path", "Happy path: Standard sync scenarios"),
      t("p3.api-failures", "Error handling: API failures"),
      t("p3.validation-failures", "Error handling: Data validation failures"),
      t("p3.security", "Security: Authentication and authorization"),
      t("p3.checklist", "Provide test scenario checklist to client"),
      t("p3.walkthrough", "Walk through test scenarios with client team"),
      t("p3.feedback", "Document and address feedback"),
      t("p3.uat-signoff", "Get formal UAT sign-off"),
    ],
    exitCriteria: [
      t("p3.exit.scenarios", "All test scenarios passed"),
      t("p3.exit.uat", "Client UAT sign-off received"),
      t("p3.exit.bugs", "No critical or high-priority bugs remain"),
      t("p3.exit.performance", "Performance meets requirements"),
      t("p3.exit.security", "Security review completed"),
    ],
  },
  {
    number: 4,
    name: "Deployment",
    aliases: ["deploy", "launch", "go-live", "golive", "release", "production", "cutover"],
    tasks: [
      t("p4.final-review", "Final code review"),
      t("p4.prod-env", "Production environment setup"),
      t("p4.prod-credentials", "Configure production API credentials"),
      t("p4.prod-monitoring", "Set up production monitoring and alerts"),
      t("p4.rollback-plan", "Create rollback plan"),
      t("p4.window", "Schedule deployment window with client"),
      t("p4.deploy", "Deploy application to production"),
      t("p4.verify-config", "Verify all configurations"),
      t("p4.smoke", "Run smoke tests"),
      t("p4.first-sync", "Initiate first sync cycle"),
      t("p4.monitor-errors", "Monitor for errors"),
      t("p4.verify-data", "Verify data accuracy"),
      t("p4.alerts-working", "Confirm all alerts are working"),
      t("p4.issues", "Document any issues encountered"),
      t("p4.review", "Conduct post-deployment review with client"),
    ],
    exitCriteria: [
      t("p4.exit.deployed", "Production deployment successful"),
      t("p4.exit.first-sync", "First sync cycle completed without errors"),
      t("p4.exit.accuracy", "Client confirms data accuracy"),
      t("p4.exit.monitoring", "Monitoring and alerts operational"),
      t("p4.exit.trained", "Team trained on support procedures"),
    ],
  },
  {
    number: 5,
    name: "Post-Launch Support",
    aliases: ["support", "post-launch", "postlaunch", "post", "hypercare", "stabilization", "stabilisation"],
    tasks: [
      t("p5.daily", "Daily monitoring for first week"),
      t("p5.weekly", "Weekly check-ins with client"),
      t("p5.optimise", "Performance optimization (if needed)"),
      t("p5.docs", "Documentation updates based on learnings"),
      t("p5.transition", "Transition to standard support plan"),
    ],
    exitCriteria: [
      t("p5.exit.stable", "Stable operation for the agreed stabilization period"),
      t("p5.exit.issues", "No critical issues outstanding"),
      t("p5.exit.satisfaction", "Client satisfaction confirmed"),
      t("p5.exit.handoff", "Handoff to support team complete"),
    ],
  },
];

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Finds a phase by number (1-5), name or a forgiving alias: "dev", "uat", "launch", "post launch". */
export function findPhase(query: string): PhaseDefinition | undefined {
  const q = normalise(query);
  if (!q) return undefined;
  // A number is taken only as written: "2", "phase 2", "#2"; never "-2", "2.5" or "12".
  if (/\d/.test(query)) {
    const byNumber = /^(?:phase\s*)?#?([1-5])$/.exec(query.trim().toLowerCase());
    return byNumber ? PHASES[Number(byNumber[1]) - 1] : undefined;
  }
  const exact = PHASES.find((p) => normalise(p.name) === q || p.aliases.some((a) => normalise(a) === q));
  if (exact) return exact;
  const matches = PHASES.filter(
    (p) =>
      normalise(p.name)
        .split(" ")
        .some((w) => w.startsWith(q)) || p.aliases.some((a) => normalise(a).startsWith(q)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every entry of every phase in the plan's order, with its kind and its place in its phase's list. */
const ALL_ENTRIES = PHASES.flatMap((phase) =>
  [
    ...phase.tasks.map((entry) => ({ kind: "task" as const, entry })),
    ...phase.exitCriteria.map((entry) => ({ kind: "exit" as const, entry })),
  ].map(({ kind, entry }, position) => ({ phaseNumber: phase.number, kind, entry, position })),
);
const ENTRY_BY_KEY = new Map(ALL_ENTRIES.map((e) => [e.entry.key, e]));

/** A checklist entry by its key, with its place in the plan; undefined for a key no version knows. */
export function checklistEntry(key: string): (typeof ALL_ENTRIES)[number] | undefined {
  return ENTRY_BY_KEY.get(key);
}

/**
 * The checklist a project of these types tracks, with system names filled in. The type-specific tasks are
 * suggestions until the PM confirms them. Positions are each entry's place in the plan, so tasks added later
 * for another type fall into place.
 */
export function checklistFor(
  types: readonly IntegrationType[],
  systems: { systemA: string; systemB: string },
): {
  phaseNumber: number;
  kind: ChecklistKind;
  key: string;
  label: string;
  position: number;
  scope: ChecklistScope;
}[] {
  return ALL_ENTRIES.filter(({ entry }) => !entry.types || entry.types.some((t) => types.includes(t))).map(
    ({ phaseNumber, kind, entry, position }) => ({
      phaseNumber,
      kind,
      key: entry.key,
      label: withSystemNames(entry.label, systems),
      position,
      scope: entry.types ? "suggested" : "in",
    }),
  );
}
