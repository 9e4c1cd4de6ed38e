import type { Question, Questionnaire, QuestionnaireSection } from "./question-types.js";
import { QUESTIONNAIRE_V1, SEVERITIES } from "./v1.js";

/**
 * Version 2 of the discovery questionnaire: version 1, and the facts the companion documents need that
 * version 1 never asked (the Statement of Work's fees, payment terms and signatures, the runbook's UAT and
 * communications, the support playbook's warranty, hours, response times, escalation contacts and
 * maintenance). Projects created on version 1 keep it; their documents say these facts are not asked and
 * where to write them (`/intplan edit <document>`).
 *
 * The new questions are added where a PM would look for them: what is not in scope with the vision (section
 * 2); UAT and release communications with testing
 * and deployment (section 13); support after go-live and the commercial terms as two sections after the
 * open questions (15 and 16), so every section number of version 1 stays the same and `/intplan interview 13`
 * means the same in both versions. They feed no `plan.` or `discovery.` field: the companion documents read
 * them by id (`answersById`, documents/answer-fields.ts).
 */

/** Vision: what the project will not do, which the Statement of Work lists as out of scope. */
const OUT_OF_SCOPE: Question = {
  id: "out_of_scope",
  kind: "list",
  label: "Not in scope",
  hint: "What this project will not do, one per line, so nobody expects it.",
  placeholder: "Historical orders before 2024",
  ask: "What is explicitly not in scope?",
};

/** Testing and deployment: who runs UAT and for how long, and who is told about the release. */
const UAT_AND_COMMUNICATIONS: readonly Question[] = [
  {
    id: "uat_participants",
    kind: "list",
    label: "Who on the client's side runs UAT",
    hint: "One person or role per line, with the area they test.",
    placeholder: "Finance lead: invoices and payouts",
    ask: "Who on the client's side runs UAT?",
  },
  {
    id: "uat_duration_days",
    kind: "number",
    label: "Time the client gives UAT (working days)",
    ask: "How many working days does the client give UAT?",
    min: 1,
    max: 90,
    integer: true,
    unit: "working days",
  },
  {
    id: "deployment_communications",
    kind: "list",
    label: "Who is told about the release, and when",
    hint: "One line each: who, when, how.",
    placeholder: "Client's finance team: email the day before",
  },
];

const supportAfterGoLive: QuestionnaireSection = {
  id: "support",
  title: "Support after go-live",
  intro:
    "What the client gets once the integration is live: warranty, support hours, response times, who to call.",
  aliases: ["support", "warranty", "sla", "escalation", "maintenance", "handoff", "training"],
  questions: [
    {
      id: "warranty_days",
      kind: "number",
      label: "Warranty after go-live (days)",
      hint: "Defects found in this period are fixed at no charge.",
      ask: "How long is the warranty after go-live?",
      min: 0,
      max: 730,
      integer: true,
      unit: "days",
    },
    {
      id: "support_hours",
      kind: "short_text",
      label: "Support hours",
      ask: "What are the support hours?",
      placeholder: "Monday to Friday, 09:00–17:00 US Eastern",
    },
    {
      id: "support_response_times",
      kind: "table",
      label: "Response and resolution times by severity",
      hint: "One line per severity: Severity | Response | Resolution",
      ask: "How quickly is each severity answered and resolved?",
      columns: [
        { id: "severity", label: "Severity", options: SEVERITIES },
        { id: "response", label: "Response" },
        { id: "resolution", label: "Resolution", optional: true },
      ],
      maxRows: 8,
    },
    {
      id: "escalation_contacts",
      kind: "table",
      label: "Escalation contacts",
      hint: "One line per level: Level | Name | Role | Phone or email",
      ask: "Who is called, in what order, when something breaks?",
      columns: [
        { id: "level", label: "Level" },
        { id: "name", label: "Name" },
        { id: "role", label: "Role" },
        { id: "contact", label: "Phone or email", optional: true },
      ],
      maxRows: 10,
    },
    {
      id: "support_handoff",
      kind: "short_text",
      label: "Who supports it after the warranty",
      ask: "Who supports the integration once the warranty ends?",
      placeholder: "Agency support retainer, 10 hours a month",
    },
    {
      id: "maintenance_tasks",
      kind: "list",
      label: "Routine maintenance",
      hint: "Token refreshes, certificate renewals, API version upgrades: one per line, with how often.",
      placeholder: "Reconnect QuickBooks every 100 days (refresh token expiry)",
    },
    {
      id: "training",
      kind: "list",
      label: "Training to deliver",
      hint: "One session per line: who, what, how long.",
      placeholder: "Finance team: reconciling failed syncs, 1 hour",
    },
  ],
};

const commercialTerms: QuestionnaireSection = {
  id: "commercial",
  title: "Commercial terms and signatures",
  intro:
    "What the Statement of Work says about money and who signs it. The rate or fee itself is in section 12.",
  aliases: ["commercial", "fees", "payment", "contract", "sow", "signatures", "change control"],
  questions: [
    {
      id: "agency_name",
      kind: "short_text",
      label: "Your agency's name",
      ask: "What is the agency's legal name for the Statement of Work?",
      placeholder: "Northwind Integrations LLC",
    },
    {
      id: "payment_terms",
      kind: "list",
      label: "Payment schedule",
      hint: "One instalment per line: share or amount, and when it is due.",
      ask: "When is the fee paid?",
      placeholder: "50% on signature",
    },
    {
      id: "invoice_terms",
      kind: "short_text",
      label: "Invoice terms",
      placeholder: "Net 30, in USD, by bank transfer",
    },
    {
      id: "change_request_terms",
      kind: "short_text",
      label: "How change requests are priced and approved",
      placeholder: "Quoted at the hourly rate; approved in writing before work starts",
    },
    {
      id: "client_signatory",
      kind: "short_text",
      label: "Who signs for the client (name, title)",
      ask: "Who signs the Statement of Work for the client?",
      placeholder: "Jordan Lee, COO",
    },
    {
      id: "agency_signatory",
      kind: "short_text",
      label: "Who signs for the agency (name, title)",
      ask: "Who signs the Statement of Work for the agency?",
      placeholder: "Sam Rivera, Managing Director",
    },
  ],
};

export const QUESTIONNAIRE_V2: Questionnaire = {
  version: 2,
  sections: [
    ...QUESTIONNAIRE_V1.sections.map((section) => {
      if (section.id === "vision") return { ...section, questions: [...section.questions, OUT_OF_SCOPE] };
      if (section.id === "testing_deployment")
        return { ...section, questions: [...section.questions, ...UAT_AND_COMMUNICATIONS] };
      return section;
    }),
    supportAfterGoLive,
    commercialTerms,
  ],
};
