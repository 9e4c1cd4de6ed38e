import type { ChoiceQuestion, Question, Questionnaire, QuestionnaireSection } from "./question-types.js";
import { QUESTIONNAIRE_V2 } from "./v2.js";

/**
 * Version 3: the questionnaire worded for an agency running discovery with a client, rather than a product
 * team's template. Every question kept from version 2 keeps its id (same meaning, same id), so answers carry
 * over by id (carry-over.ts) and the documents keep reading them; where version 2's question object is kept
 * unchanged it is the same object, so a change to it in v2.ts reaches version 3 too.
 *
 * What changes (the report of issue 15 has the full map):
 * - each fact is asked once: the PII, retention, audit-logging, data-residency and right-to-deletion boxes
 *   are gone from the security checkboxes, the text questions asking the same facts stay;
 * - product-team wording is reworded for the client's users: the "UX" questions, the UI loading question
 *   (the wait of the client's staff), the UX designer sign-off (who approves what the client's staff see);
 *   the "frontend framework" internal dependency is gone;
 * - the facts integration work needs and version 2 never asked: per-entity direction, system of record and
 *   conflict rule, matching existing records, iPaaS or custom build (data mapping, architecture); the
 *   environments, who gives access and by when, whose account owns the credentials, and the cut-over (a new
 *   section after testing and deployment); the client's budget (commercial terms); the client-side
 *   stakeholders who are not in the Slack workspace (sign-off).
 * New questions feed no `plan.` or `discovery.` field (a v1 or v2 project has no such field): the documents
 * read them by id (`answersById`, documents/answer-fields.ts), "not asked" for older projects.
 */

const V2_QUESTIONS = new Map(QUESTIONNAIRE_V2.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));

/** Version 2's question, the very object. */
function v2(id: string): Question {
  const question = V2_QUESTIONS.get(id);
  if (!question) throw new Error(`Version 2 has no question "${id}".`);
  return question;
}

function v2Section(id: string): QuestionnaireSection {
  const section = QUESTIONNAIRE_V2.sections.find((s) => s.id === id);
  if (!section) throw new Error(`Version 2 has no section "${id}".`);
  return section;
}

/** Version 2's checkboxes question without the options version 3 asks elsewhere. */
function withoutOptions(id: string, dropped: readonly string[]): ChoiceQuestion {
  const question = v2(id);
  if (question.kind !== "checkboxes") throw new Error(`"${id}" is not a checkboxes question.`);
  return { ...question, options: question.options.filter((o) => !dropped.includes(o.value)) };
}

/**
 * Checkbox options version 3 drops because a text question asks the same fact, and that question: a box
 * ticked in version 2 becomes the text's answer when the text was left empty (carry-over.ts).
 */
export const FOLDED_CHECKBOX_OPTIONS: Readonly<
  Record<string, Readonly<Record<string, { into: string; text: string }>>>
> = {
  data_security_checks: {
    pii_handling: { into: "pii_handling", text: "Personal data (PII) flows and needs handling." },
    retention_policies: { into: "retention_policy", text: "Data retention policies apply." },
    audit_logging: { into: "audit_logging", text: "Audit logging is required." },
  },
  compliance_checks: {
    data_residency: { into: "data_residency", text: "Data residency requirements apply." },
    right_to_deletion: { into: "deletion_process", text: "Deletion requests must be honoured." },
  },
};

/** Options version 3 drops without asking the fact anywhere else. */
export const DROPPED_CHECKBOX_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  internal_dependencies: ["frontend_framework"],
};

function checksOf(id: string): ChoiceQuestion {
  const folded = Object.keys(FOLDED_CHECKBOX_OPTIONS[id] ?? {});
  return withoutOptions(id, [...folded, ...(DROPPED_CHECKBOX_OPTIONS[id] ?? [])]);
}

const SINGLE = (value: string, label: string) => ({ value, label });

const ENTITY_SYNC_RULES: Question = {
  id: "entity_sync_rules",
  kind: "table",
  label: "Per record type: direction, system of record, conflict rule",
  hint: "One line per record type: Entity | Direction | System of record | Conflict rule. Direction: {systemA} → {systemB}, {systemB} → {systemA} or both ways.",
  placeholder: "Customer | both ways | accounting system | the newest edit wins",
  ask: "For each record type, which way does it flow, which system owns it, and who wins a conflict?",
  columns: [
    { id: "entity", label: "Entity" },
    { id: "direction", label: "Direction" },
    { id: "system_of_record", label: "System of record" },
    { id: "conflict_rule", label: "Conflict rule", optional: true },
  ],
  maxRows: 30,
};

const RECORD_MATCHING: Question = {
  id: "record_matching",
  kind: "long_text",
  label: "How existing records are matched and de-duplicated",
  hint: "The key each record type is matched on (email, SKU, order number), and what happens to duplicates or records with no match.",
  placeholder: "Customers matched on email; a second match goes to a review list, never merged automatically",
  ask: "How are records that already exist in both systems matched, and how are duplicates handled?",
};

const BUILD_APPROACH: Question = {
  id: "build_approach",
  kind: "single_select",
  label: "iPaaS or custom build",
  hint: "An integration platform (Zapier, Make, Celigo, Boomi…) or code the agency writes and hosts.",
  ask: "Is it built on an iPaaS or as a custom integration?",
  options: [
    SINGLE("ipaas", "iPaaS (integration platform)"),
    SINGLE("custom", "Custom build"),
    SINGLE("hybrid", "Both: iPaaS with custom parts"),
    SINGLE("undecided", "Not decided yet"),
  ],
};

const environmentsAndCutOver: QuestionnaireSection = {
  id: "environments",
  title: "Environments, access and cut-over",
  intro:
    "Where we build and test, who gives us access and by when, whose account holds the credentials, and how the client moves from today's process to the integration.",
  aliases: ["environments", "access", "sandbox", "credentials", "cut-over", "cutover", "backfill"],
  questions: [
    {
      id: "environments_access",
      kind: "table",
      label: "Environments and access",
      hint: "One line per environment: Environment | System | Provided by | Needed by (YYYY-MM-DD).",
      placeholder: "Sandbox | {systemB} | Client's IT (Dana) | 2026-02-01",
      ask: "Which environments do we need, who provides access to each, and by when?",
      columns: [
        { id: "environment", label: "Environment" },
        { id: "system", label: "System" },
        { id: "provided_by", label: "Provided by" },
        { id: "needed_by", label: "Needed by", optional: true },
      ],
      maxRows: 12,
    },
    {
      id: "credentials_owner",
      kind: "table",
      label: "Whose account owns the credentials",
      hint: "One line per system: System | Account owner (the client's or the agency's developer or app account) | Note.",
      placeholder:
        "{systemA} | Client's Partner app, owned by the client | Agency staff invited as collaborators",
      ask: "Whose developer or app account owns each system's credentials?",
      columns: [
        { id: "system", label: "System" },
        { id: "owner", label: "Account owner" },
        { id: "note", label: "Note", optional: true },
      ],
      maxRows: 8,
    },
    {
      id: "cutover_parallel_run",
      kind: "long_text",
      label: "Parallel run",
      hint: "Does the manual process run alongside the integration for a while, and how are the two compared?",
      placeholder: "One week: both run, totals compared each morning",
      ask: "Does the manual process run in parallel with the integration, and for how long?",
    },
    {
      id: "cutover_backfill",
      kind: "long_text",
      label: "Backfill at cut-over",
      hint: "The records created between the last manual entry and go-live, and how they are brought across.",
      placeholder: "Orders since the last manual entry are synced once at go-live",
      ask: "Which records are backfilled at cut-over, and how?",
    },
    {
      id: "manual_process_switch_off",
      kind: "short_text",
      label: "When the manual process is switched off, and who decides",
      placeholder: "After 5 clean days; the finance lead signs off",
      ask: "When is the manual process switched off, and who decides?",
    },
  ],
};

const CLIENT_STAKEHOLDERS: Question = {
  id: "client_stakeholders",
  kind: "table",
  label: "Client-side stakeholders (not in this Slack workspace)",
  hint: "One line per person: Name | Role | Email (optional). The product owner is often on the client's side.",
  placeholder: "Dana Ortiz | Product owner, Finance lead | dana@acme.example",
  ask: "Who on the client's side takes part, and in what role?",
  columns: [
    { id: "name", label: "Name" },
    { id: "role", label: "Role" },
    { id: "email", label: "Email", optional: true },
  ],
  maxRows: 15,
};

const CLIENT_BUDGET: Question = {
  id: "client_budget",
  kind: "short_text",
  label: "The client's budget",
  hint: "The amount the client has for this work, and whether it is fixed.",
  placeholder: "USD 25,000, fixed for the MVP",
  ask: "What budget does the client have for this work?",
};

const ids = (section: QuestionnaireSection) => section.questions.map((q) => q.id);

/** Version 2's section with some of its questions replaced by id and new ones appended. */
function reworked(
  id: string,
  replaced: Readonly<Record<string, Question>>,
  added: readonly Question[] = [],
  changes: Partial<QuestionnaireSection> = {},
): QuestionnaireSection {
  const section = v2Section(id);
  for (const key of Object.keys(replaced))
    if (!ids(section).includes(key)) throw new Error(`Section "${id}" has no question "${key}".`);
  return {
    ...section,
    ...changes,
    questions: [...section.questions.map((q) => replaced[q.id] ?? q), ...added],
  };
}

export const QUESTIONNAIRE_V3: Questionnaire = {
  version: 3,
  sections: [
    v2Section("current_state"),
    v2Section("vision"),
    reworked("user_journey", {
      journey_user_feedback: {
        ...v2("journey_user_feedback"),
        label: "5. What do the client's staff see?",
        ask: "What do the client's staff see?",
      },
    }),
    v2Section("system_a_api"),
    v2Section("system_b_api"),
    reworked("data_mapping", {}, [ENTITY_SYNC_RULES, RECORD_MATCHING], {
      intro:
        "How {systemA} data becomes {systemB} data, which system owns each record, how existing records are matched, and whether history must move too.",
      aliases: [...(v2Section("data_mapping").aliases ?? []), "system of record", "conflicts", "matching"],
    }),
    reworked(
      "architecture",
      {
        config_settings: { ...v2("config_settings"), label: "Settings the client's staff provide or change" },
        data_display: { ...v2("data_display"), label: "Where do the client's staff see the synced data?" },
        status_visibility: {
          ...v2("status_visibility"),
          label: "How do the client's staff know it is working?",
        },
      },
      [BUILD_APPROACH],
      {
        title: "Architecture and what the client's staff see",
        intro:
          "How data moves, how failures are handled, where it runs and on what, and what the client's staff see and set.",
        aliases: [...(v2Section("architecture").aliases ?? []), "ipaas", "custom build", "build approach"],
      },
    ),
    reworked(
      "security",
      {
        data_security_checks: checksOf("data_security_checks"),
        compliance_checks: checksOf("compliance_checks"),
      },
      [],
      { intro: "Tick what applies, then say how personal data, retention, audit and residency are handled." },
    ),
    reworked("performance", {
      ui_loading_states: {
        ...v2("ui_loading_states"),
        label: "How long may the client's staff wait on a sync they start?",
        placeholder: "A 'Sync now' click finishes within a minute",
      },
    }),
    v2Section("phases"),
    v2Section("monitoring"),
    reworked("risks_costs", { internal_dependencies: checksOf("internal_dependencies") }),
    v2Section("testing_deployment"),
    environmentsAndCutOver,
    reworked(
      "open_questions",
      {
        ux_questions: {
          ...v2("ux_questions"),
          label: "Open questions about the client's users' experience",
          hint: "What their staff will see, set or be told: settings, sync status, error messages.",
        },
        product_owner: {
          ...v2("product_owner"),
          label: "Product owner (when in this workspace)",
          hint: "When the product owner is on the client's side, name them under client-side stakeholders.",
        },
        ux_designer: {
          ...v2("ux_designer"),
          label: "Who approves what the client's staff see",
          hint: "Settings screens, sync status and error messages; leave empty when nobody needs to.",
        },
      },
      [CLIENT_STAKEHOLDERS],
      {
        aliases: [...(v2Section("open_questions").aliases ?? []), "client stakeholders", "client contacts"],
      },
    ),
    v2Section("support"),
    reworked("commercial", {}, [CLIENT_BUDGET], {
      intro:
        "What the Statement of Work says about money, the client's budget and change requests, and who signs it. The agency's rate or fee is in section 12.",
      aliases: [...(v2Section("commercial").aliases ?? []), "budget", "change requests"],
    }),
  ],
};
