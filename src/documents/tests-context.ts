import type { Analysis } from "../domain/analysis/analyse.js";
import { answerState } from "../domain/questionnaire/answers.js";
import { allQuestions, type Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { type FieldValue, unanswered, whereOf } from "./answer-fields.js";
import type { DocumentInput } from "./render-input.js";
import { type ContextArgs, companionContext } from "./suite-context.js";

/**
 * The Test Cases document's cases, numbered TC-001… in the order the document shows them, every one made
 * from the answers: the journey and each workflow, the edge cases and alternative flows, the error
 * scenarios, performance, the ticked security checks and the UAT scenarios. The same answers always give
 * the same cases and numbers. An expected result the interview does not give is an `Unanswered` marker
 * saying where to answer it, never a guess.
 */

/** One line of a case: an optional lead in the document's words, then a value (typed text or a marker). */
interface CaseLine {
  lead: string;
  value: FieldValue;
}

interface TestCase {
  /** TC-001, TC-002…: three digits, continuous across the document. */
  id: string;
  title: FieldValue;
  preconditions: CaseLine[];
  steps: CaseLine[];
  expected: CaseLine[];
  /** Some expected result is not answered yet. */
  open: boolean;
}

/** A case before it is numbered. */
type Draft = Omit<TestCase, "id" | "open">;

const line = (lead: string, value: FieldValue): CaseLine => ({ lead, value });
const say = (value: string): CaseLine => ({ lead: "", value });

/** "Paid order → sales receipt": what starts it and what should come of it; no arrow, no stated result. */
export function splitOutcome(text: string): { what: string; result: string | null } {
  const match = /\s*(?:→|->|=>)\s*/.exec(text);
  if (!match || match.index === 0) return { what: text, result: null };
  const result = text.slice(match.index + match[0].length).trim();
  return { what: text.slice(0, match.index).trim(), result: result === "" ? null : result };
}

const isList = (value: FieldValue): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string");

class CaseReader {
  readonly answer: Record<string, FieldValue>;
  private readonly questions;

  constructor(
    private readonly input: DocumentInput,
    private readonly questionnaire: Questionnaire,
    answer: Record<string, FieldValue>,
  ) {
    this.answer = answer;
    this.questions = new Map(allQuestions(questionnaire).map((q) => [q.id, q]));
  }

  get systemA() {
    return this.input.project.systemA;
  }

  get systemB() {
    return this.input.project.systemB;
  }

  /** The answer, or its marker; `FieldValue` as the helpers print it. */
  value(id: string): FieldValue {
    const value = this.answer[id];
    if (value === undefined) throw new Error(`No question "${id}" for the test cases.`);
    return value;
  }

  /** Answered "N/A" (or "None") to an optional question: there is nothing to test. */
  notApplicable(id: string): boolean {
    const question = this.questions.get(id);
    return question !== undefined && answerState(this.input.answers[id], question) === "not_applicable";
  }

  /** Answered with something to test (not "N/A"). */
  answered(id: string): boolean {
    const value = this.value(id);
    return whereOf(value) === null && !this.notApplicable(id);
  }

  /** A list answer's items; none when unanswered, not applicable or not asked. */
  items(id: string): string[] {
    const value = this.value(id);
    return isList(value) && !this.notApplicable(id) ? value : [];
  }

  /** Ticked options' values of a checkboxes question (in the definition's order). */
  ticked(id: string): Set<string> {
    const raw: unknown = this.input.answers[id];
    return new Set(Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string") : []);
  }

  where(id: string): string {
    return whereAnswered(this.questionnaire, id, this.input.project) ?? `/intplan edit tests (${id})`;
  }

  /** A result the interview does not state: where to write it, in the shape that states it. */
  missingResult(id: string, shape: string): FieldValue {
    return unanswered(`${this.where(id)}, written as "${shape}"`);
  }

  testData(): CaseLine {
    return line("Test data:", this.value("test_data_source"));
  }

  bothSystems(): CaseLine {
    return say(`${this.systemA} and ${this.systemB} test accounts connected with test credentials`);
  }
}

function journeyCase(r: CaseReader): Draft[] {
  const trigger = r.value("journey_trigger");
  if (typeof trigger !== "string") return [];
  return [
    {
      title: "Main journey, from trigger to business outcome",
      preconditions: [r.bothSystems(), r.testData()],
      steps: [
        line("Make this happen with test data:", trigger),
        say("Follow the record through both systems"),
      ],
      expected: [
        line("Straight away:", r.value("journey_system_response")),
        line("In the other system:", r.value("journey_integration_point")),
        line("The data is processed:", r.value("journey_data_processing")),
        line("The user sees:", r.value("journey_user_feedback")),
        line("Value created:", r.value("journey_business_outcome")),
      ],
    },
  ];
}

function workflowCases(r: CaseReader): Draft[] {
  return r.items("workflows").map((workflow) => {
    const { what, result } = splitOutcome(workflow);
    return {
      title: workflow,
      preconditions: [r.bothSystems(), r.testData()],
      steps: [
        result === null
          ? line("Start the workflow with test data:", workflow)
          : line("Make this happen with test data:", what),
        say("Wait for the sync to run"),
        say("Find the result and compare each field with the Technical Specifications' field-mapping matrix"),
      ],
      expected: [
        line("Result:", result ?? r.missingResult("workflows", "trigger → result")),
        line("Within the target sync time:", r.value("target_sync_duration")),
        say("Every mapped field as the field-mapping matrix says"),
      ],
    };
  });
}

function edgeCases(r: CaseReader): Draft[] {
  return r.items("edge_cases").map((edge) => {
    const { what, result } = splitOutcome(edge);
    return {
      title: what,
      preconditions: [r.bothSystems(), r.testData()],
      steps: [
        line("Prepare test data for this case:", what),
        say("Run it through the integration"),
        say(`Check the records in ${r.systemA} and ${r.systemB}`),
      ],
      expected: [line("", result ?? r.missingResult("edge_cases", "edge case → what should happen"))],
    };
  });
}

/** The journey's alternative flows: what happens when a system is down, data is incomplete, or calls are limited. */
function alternativeFlowCases(r: CaseReader): Draft[] {
  const flows: Array<{ id: string; draft: Draft }> = [
    {
      id: "flow_error_case",
      draft: {
        title: `${r.systemA} or ${r.systemB} is unavailable`,
        preconditions: [r.bothSystems(), r.testData()],
        steps: [
          say("Start a sync with test data"),
          say("Make one system's API unavailable in the test environment while records are syncing"),
          say("Make it available again"),
        ],
        expected: [line("", r.value("flow_error_case"))],
      },
    },
    {
      id: "flow_partial_data",
      draft: {
        title: "Incomplete record or response",
        preconditions: [r.bothSystems(), r.testData()],
        steps: [
          say("Send a test record with some of its fields missing"),
          say("Watch what the integration does"),
        ],
        expected: [line("", r.value("flow_partial_data"))],
      },
    },
    {
      id: "flow_rate_limited",
      draft: {
        title: "Rate limit reached",
        preconditions: [
          r.bothSystems(),
          line(`${r.systemA} rate limit:`, r.value("system_a_rate_limit")),
          line(`${r.systemB} rate limit:`, r.value("system_b_rate_limit")),
        ],
        steps: [
          say("Send records faster than the lower rate limit allows"),
          say("Watch the calls and retries"),
        ],
        expected: [line("", r.value("flow_rate_limited"))],
      },
    },
  ];
  return flows.filter(({ id }) => !r.notApplicable(id)).map(({ draft }) => draft);
}

function errorCases(r: CaseReader): Draft[] {
  return r.items("error_scenarios").map((scenario) => {
    const { what, result } = splitOutcome(scenario);
    return {
      title: what,
      preconditions: [r.bothSystems(), r.testData()],
      steps: [
        line("Bring this about in the test environment:", what),
        say("Run the workflows with test data while it lasts"),
        say("End it, then check both systems, the alerts and the logs"),
      ],
      // What should happen in this scenario is its own answer ("scenario → result"); the general retry and
      // recovery answers say how the integration copes, not what this scenario's outcome is.
      expected: [
        line("", result ?? r.missingResult("error_scenarios", "scenario → what should happen")),
        line("Failed calls are retried:", r.value("retry_logic")),
        line("Meanwhile:", r.value("fallback_behavior")),
        line("People are told:", r.value("failure_notification")),
        line("Missed data is recovered:", r.value("recovery_process")),
      ],
    };
  });
}

function performanceCases(r: CaseReader, analysis: Analysis): Draft[] {
  const { volumeText, volumeReading } = analysis.facts;
  const successRate = r.value("target_sync_success_rate");
  const volume: FieldValue = volumeText ?? r.value("data_volume");
  return [
    {
      title: "Sync time for one record",
      preconditions: [r.bothSystems(), r.testData()],
      steps: [
        line("Trigger one record of each workflow:", r.value("workflows")),
        say("Time each one from its trigger to the record in the other system"),
      ],
      expected: [
        line("Each record within:", r.value("target_sync_duration")),
        line("API response times:", r.value("api_response_time_target")),
      ],
    },
    {
      title: "Everyday volume",
      preconditions: [
        r.bothSystems(),
        line("Test data volume:", r.value("test_data_volume")),
        ...(volumeReading ? [line("The volume is", volumeReading)] : []),
      ],
      steps: [
        line("Replay a normal day's volume:", volume),
        say("Watch the queue, the API calls and the errors"),
      ],
      expected: [
        line(
          "Records synced without manual work:",
          typeof successRate === "number" ? `at least ${successRate}%` : successRate,
        ),
        line("Each record within:", r.value("target_sync_duration")),
      ],
    },
    {
      title: "Peak load",
      preconditions: [r.bothSystems(), line("Scenario and targets:", r.value("performance_targets"))],
      steps: [
        say("Run the scenario in the test environment"),
        say("Measure sync times, the queue and API errors throughout"),
      ],
      expected: [line("The scenario's targets are met:", r.value("performance_targets"))],
    },
    {
      title: "API call timeout",
      preconditions: [r.bothSystems(), line("Timeout:", r.value("api_timeouts"))],
      steps: [
        say("Make one system's API answer slower than the timeout in the test environment"),
        say("Run a sync"),
      ],
      expected: [
        line("The call is given up after:", r.value("api_timeouts")),
        line("It is retried:", r.value("retry_logic")),
      ],
    },
  ];
}

function securityCases(r: CaseReader): Draft[] {
  const auth = r.ticked("auth_security_checks");
  const data = r.ticked("data_security_checks");
  const both = `${r.systemA} and ${r.systemB}`;
  const check = (ticked: boolean, draft: Omit<Draft, "preconditions">): Draft[] =>
    ticked ? [{ preconditions: [r.bothSystems()], ...draft }] : [];
  return [
    ...check(true, {
      title: "Wrong or revoked credentials",
      steps: [
        say(`Connect ${both} with a wrong or revoked credential`),
        say("Connect again with valid ones"),
      ],
      expected: [line("Credentials are validated:", r.value("credential_validation"))],
    }),
    ...check(auth.has("secure_credential_storage"), {
      title: "Credentials stored securely",
      steps: [say("Look for the API credentials in the code, the configuration and the logs")],
      expected: [line("Credentials are kept only in:", r.value("secret_manager"))],
    }),
    ...check(auth.has("token_refresh"), {
      title: "Token refresh",
      steps: [say("Let the access token expire, or revoke it, in a test account"), say("Run a sync")],
      expected: [say("The token is refreshed and the sync succeeds without anyone reconnecting")],
    }),
    ...check(auth.has("scope_limitations"), {
      title: "Access limited to what the workflows need",
      steps: [say(`List the scopes or permissions the integration holds in ${both}`)],
      expected: [say("Only the scopes the workflows need are granted")],
    }),
    ...check(auth.has("user_permissions"), {
      title: "User permissions",
      steps: [say("Change the integration's settings as a user without the permission to")],
      expected: [say("The change is refused")],
    }),
    ...check(data.has("encryption_in_transit"), {
      title: "Encryption in transit",
      steps: [say("Inspect the connections to both APIs and to any webhook endpoint")],
      expected: [say("Every connection is encrypted (HTTPS)")],
    }),
    ...check(data.has("encryption_at_rest"), {
      title: "Encryption at rest",
      steps: [say("Check where queued records, logs and credentials are stored")],
      expected: [say("All of it is stored encrypted")],
    }),
    ...check(data.has("pii_handling") || r.answered("pii_handling"), {
      title: "Personal data",
      steps: [say("Follow a test record holding personal data through the integration and its logs")],
      expected: [line("", r.value("pii_handling"))],
    }),
    ...check(data.has("retention_policies"), {
      title: "Data retention",
      steps: [say("Check the oldest logs and stored records kept")],
      expected: [line("Kept no longer than:", r.value("retention_policy"))],
    }),
    ...check(data.has("audit_logging"), {
      title: "Audit log",
      steps: [say("Create, change and hold test records; change a setting"), say("Read the audit log")],
      expected: [line("Logged:", r.value("audit_logging"))],
    }),
  ];
}

function uatCases(r: CaseReader): Draft[] {
  return r.items("uat_scenarios").map((scenario) => {
    const { what, result } = splitOutcome(scenario);
    return {
      title: what,
      preconditions: [line("Run by:", r.value("uat_participants")), r.testData()],
      steps: [
        line("Carry out the scenario:", what),
        say(`Check the outcome in ${r.systemA} and ${r.systemB}`),
      ],
      expected: [
        result === null
          ? line("As the scenario says, and the client's tester accepts it:", scenario)
          : line("", result),
      ],
    };
  });
}

/** A person on the sign-off table, from a typed line: "Dana Ortiz, Finance lead: invoices and payouts". */
interface Signatory {
  name: string;
  role: string;
  tests: string;
}

export function readSignatory(typed: string): Signatory {
  const colon = typed.indexOf(":");
  const who = (colon < 0 ? typed : typed.slice(0, colon)).trim();
  const tests = colon < 0 ? "" : typed.slice(colon + 1).trim();
  const [name = "", ...role] = who.split(",").map((part) => part.trim());
  return { name, role: role.filter((part) => !part.includes("@")).join(", "), tests };
}

/**
 * The UAT testers, then the client's point of contact unless already among them; with no tester named yet,
 * `missing` says where they are named.
 */
function signatories(r: CaseReader): { rows: Signatory[]; missing: { value: FieldValue } | null } {
  const rows = r.items("uat_participants").map(readSignatory);
  const missing = rows.length > 0 ? null : { value: r.value("uat_participants") };
  const poc = r.value("client_poc");
  if (typeof poc === "string") {
    const contact = readSignatory(poc);
    const known = rows.some((p) => p.name.toLowerCase() === contact.name.toLowerCase());
    if (!known) rows.push({ ...contact, tests: "Client point of contact" });
  }
  return { rows, missing };
}

/** The document's groups of cases, in its order; the numbers run on across them. */
const GROUPS = [
  ["workflow", "Workflow test cases"],
  ["edge", "Edge cases"],
  ["error", "Error scenarios"],
  ["performance", "Performance"],
  ["security", "Security"],
  ["uat", "UAT scenarios"],
] as const;
type Group = (typeof GROUPS)[number][0];

const caseId = (n: number) => `TC-${String(n).padStart(3, "0")}`;
const isOpen = (draft: Draft) => draft.expected.some((l) => whereOf(l.value) !== null);

function numbered(drafts: Record<Group, Draft[]>) {
  let next = 1;
  const cases = Object.fromEntries(
    GROUPS.map(([group]) => [
      group,
      drafts[group].map((draft): TestCase => ({ id: caseId(next++), ...draft, open: isOpen(draft) })),
    ]),
  ) as Record<Group, TestCase[]>;
  const summary = GROUPS.map(([group, title], i) => {
    const list = cases[group];
    const first = list[0];
    const last = list[list.length - 1];
    return {
      number: i + 2,
      title,
      count: list.length,
      ids: first && last ? (first === last ? first.id : `${first.id} to ${last.id}`) : "none yet",
    };
  });
  const all = GROUPS.flatMap(([group]) => cases[group]);
  const range = all.length > 0 ? `${all[0]?.id} to ${all[all.length - 1]?.id}` : "none yet";
  return { cases, summary, total: all.length, range, openCount: all.filter((c) => c.open).length };
}

/** `{{#if notes.x}}`: an object, so a marker (an empty list) still shows. */
const noteUnless = (made: readonly unknown[], value: FieldValue) => (made.length > 0 ? null : { value });

/** Everything the tests template reads. */
export function buildTestsContext(...args: ContextArgs) {
  const [input, questionnaire, analysis] = args;
  const base = companionContext("tests", ...args);
  const r = new CaseReader(input, questionnaire, base.answer);
  const edge = edgeCases(r);
  const workflows = workflowCases(r);
  const { cases, summary, total, range, openCount } = numbered({
    workflow: [...journeyCase(r), ...workflows],
    edge: [...edge, ...alternativeFlowCases(r)],
    error: errorCases(r),
    performance: performanceCases(r, analysis),
    security: securityCases(r),
    uat: uatCases(r),
  });
  return {
    ...base,
    cases,
    /** What to answer when a group has no case from its list yet (a marker), or "Not applicable". */
    notes: {
      workflows: noteUnless(workflows, r.value("workflows")),
      edgeCases: noteUnless(edge, r.value("edge_cases")),
      errorScenarios: noteUnless(cases.error, r.value("error_scenarios")),
      uatScenarios: noteUnless(cases.uat, r.value("uat_scenarios")),
      securityChecks:
        r.ticked("auth_security_checks").size + r.ticked("data_security_checks").size > 0
          ? null
          : {
              value: unanswered(`${r.where("auth_security_checks")} and ${r.where("data_security_checks")}`),
            },
    },
    volume: analysis.facts.volumeText ?? r.value("data_volume"),
    signOff: { ...signatories(r), summary, total, range, openCount },
  };
}
