import { describe, expect, it } from "vitest";
import {
  answerSchemaFor,
  answerState,
  formatAnswerForInput,
  isAnswered,
  isNotApplicableText,
  isPlaceholderText,
  type RawInput,
  validateSection,
} from "../../src/domain/questionnaire/answers.js";
import type {
  Question,
  QuestionnaireSection,
  TableQuestion,
} from "../../src/domain/questionnaire/definition.js";
import { allQuestions, QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";
import { matchOption, parseList, parseTable } from "../../src/domain/questionnaire/line-formats.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";

const question = (id: string): Question => {
  const found = allQuestions(QUESTIONNAIRE_V1).find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
const section = (id: string): QuestionnaireSection => {
  const found = QUESTIONNAIRE_V1.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const risks = question("risks") as TableQuestion;

const parse = (id: string, raw: RawInput) => {
  const result = answerSchemaFor(question(id), isSlackUserId).safeParse(raw);
  return result.success ? { value: result.data } : { error: result.error.issues[0]?.message };
};

describe("answers: blank input means unanswered, for every kind", () => {
  it.each([[null], [undefined], [""], ["   \n "], [[]]])("%j is stored as null", (raw) => {
    for (const q of allQuestions(QUESTIONNAIRE_V1)) {
      expect(answerSchemaFor(q, isSlackUserId).safeParse(raw), q.id).toEqual({ success: true, data: null });
    }
  });
});

describe("answers: numbers", () => {
  it.each([
    ["hours_per_week", "12", 12],
    ["hours_per_week", " 12.5 ", 12.5],
    ["hours_per_week", "1,200", 1200],
    ["error_rate", "0", 0],
    ["error_rate", "100", 100],
    ["monitoring_period_hours", "48", 48],
  ])("%s accepts %j as %j", (id, raw, expected) => {
    expect(parse(id, raw)).toEqual({ value: expected });
  });

  it.each([
    ["hours_per_week", "twelve", "Enter a number from 0 to 2000."],
    ["hours_per_week", "-3", "Enter a number from 0 to 2000."],
    ["error_rate", "101", "Enter a number from 0 to 100."],
    ["error_rate", "5%", "Enter a number from 0 to 100."],
    ["monitoring_period_hours", "1.5", "Enter a whole number from 1 to 720."],
    ["hourly_cost", "1e3", "Enter a number of at least 0."],
  ])("%s rejects %j: %s", (id, raw, message) => {
    expect(parse(id, raw)).toEqual({ error: message });
  });
});

describe("answers: urls, emails, dates, people and choices", () => {
  it.each([
    [
      "dashboard_url",
      "https://app.datadoghq.com/dashboard/abc?from=1",
      { value: "https://app.datadoghq.com/dashboard/abc?from=1" },
    ],
    ["dashboard_url", "  http://grafana.acme.io  ", { value: "http://grafana.acme.io" }],
    [
      "dashboard_url",
      "grafana.acme.io",
      { error: "Enter a full web address, like https://example.com/dashboard." },
    ],
    [
      "dashboard_url",
      "ftp://files.acme.io",
      { error: "Enter a full web address, like https://example.com/dashboard." },
    ],
    [
      "dashboard_url",
      "https://localhost",
      { error: "Enter a full web address, like https://example.com/dashboard." },
    ],
    ["mvp_target_date", "2025-09-30", { value: "2025-09-30" }],
    ["mvp_target_date", "2025-02-30", { error: "Pick a date (YYYY-MM-DD)." }],
    ["mvp_target_date", "30/09/2025", { error: "Pick a date (YYYY-MM-DD)." }],
    ["product_owner", "U012AB3CD", { value: "U012AB3CD" }],
    ["product_owner", "@dana", { error: "Pick a person from the list." }],
    ["migration_needed", "yes", { value: "yes" }],
    ["migration_needed", "maybe", { error: "Pick one of the options." }],
    ["sync_strategy", ["batch", "realtime", "batch"], { value: ["realtime", "batch"] }],
    ["sync_strategy", ["carrier_pigeon"], { error: "Pick from the options." }],
  ] as const)("%s: %j → %j", (id, raw, expected) => {
    expect(parse(id, raw)).toEqual(expected);
  });

  it("validates emails", () => {
    const email: Question = { id: "contact", kind: "email", label: "Contact" };
    expect(answerSchemaFor(email, isSlackUserId).safeParse(" dana@acme.example ").data).toBe(
      "dana@acme.example",
    );
    expect(answerSchemaFor(email, isSlackUserId).safeParse("dana at acme").error?.issues[0]?.message).toBe(
      "Enter an email address, like name@example.com.",
    );
  });

  it("trims text and enforces its length", () => {
    expect(parse("system_a_rate_limit", "  40 requests/min \n")).toEqual({ value: "40 requests/min" });
    expect(parse("system_a_rate_limit", "x".repeat(301))).toEqual({ error: "Keep it under 300 characters." });
    expect(parse("current_state", "x".repeat(3000))).toEqual({ value: "x".repeat(3000) });
  });
});

describe("answers: lists, one item per line", () => {
  it("drops blank lines and bullets and keeps the items in order", () => {
    const typed =
      "- Invoices are a day late\n\n* Tax totals differ\n• Two people re-key orders\n3. Refunds are missed";
    expect(parse("pain_points", typed)).toEqual({
      value: [
        "Invoices are a day late",
        "Tax totals differ",
        "Two people re-key orders",
        "Refunds are missed",
      ],
    });
  });

  it("names the line of an item that is too long", () => {
    expect(parse("pain_points", `ok\n\n${"x".repeat(501)}`)).toEqual({
      error: "Line 3: 501 characters is too long (at most 500).",
    });
  });

  it("limits the number of items", () => {
    const result = parseList(Array.from({ length: 31 }, (_, i) => `item ${i}`).join("\n"), {});
    expect(result).toEqual({ ok: false, problems: ["At most 30 items, one per line; this has 31."] });
  });

  it("a list of only bullets is unanswered", () => {
    expect(parse("pain_points", "-\n* ")).toEqual({ value: null });
  });
});

describe("answers: tables, one row per line with cells separated by |", () => {
  it("parses risks and normalises likelihood and impact", () => {
    const typed = [
      "Tax totals differ | medium | HIGH | Nightly reconciliation | Dana",
      "",
      "Rate limits during sales | h | Med | Queue and back off",
    ].join("\n");
    expect(parse("risks", typed)).toEqual({
      value: [
        {
          risk: "Tax totals differ",
          likelihood: "Medium",
          impact: "High",
          mitigation: "Nightly reconciliation",
          owner: "Dana",
        },
        {
          risk: "Rate limits during sales",
          likelihood: "High",
          impact: "Medium",
          mitigation: "Queue and back off",
          owner: "",
        },
      ],
    });
  });

  it("accepts a pasted Markdown table, header and separator included", () => {
    const typed = [
      "| Risk | Likelihood | Impact | Mitigation | Owner |",
      "|------|-----------|--------|------------|-------|",
      "| API change | Low | High | Pin the API version | Sam |",
    ].join("\n");
    expect(parseTable(typed, risks)).toEqual({
      ok: true,
      value: [
        {
          risk: "API change",
          likelihood: "Low",
          impact: "High",
          mitigation: "Pin the API version",
          owner: "Sam",
        },
      ],
    });
  });

  it.each([
    [
      "Tax totals differ | Medium",
      "Line 1: expected 3 to 5 columns (risk | likelihood | impact | mitigation | owner), got 2.",
    ],
    [
      "ok | Low | Low | fine\nTax | Very | High | Reconcile",
      'Line 2: likelihood must be Low, Medium or High (or H/M/L, Hi/Med/Lo, 1–5 (5 highest) or P1–P4), not "Very".',
    ],
    ["Tax |  | High | Reconcile", "Line 1: likelihood is empty."],
    [
      "Tax | Low | High | Reconcile | Dana | extra",
      "Line 1: expected 3 to 5 columns (risk | likelihood | impact | mitigation | owner), got 6.",
    ],
    [
      "a | b\n\nc | d",
      "Line 1: expected 3 to 5 columns (risk | likelihood | impact | mitigation | owner), got 2. (1 more problem below it.)",
    ],
  ])("rejects %j: %s", (typed, message) => {
    expect(parse("risks", typed)).toEqual({ error: message });
  });

  it("parses alert thresholds with a severity", () => {
    expect(parse("alert_thresholds", "Sync failures | 5 in 10 min | crit | 15 minutes")).toEqual({
      value: [
        {
          alert: "Sync failures",
          threshold: "5 in 10 min",
          severity: "Critical",
          response_time: "15 minutes",
        },
      ],
    });
  });

  it("limits the number of rows", () => {
    const typed = Array.from({ length: 31 }, (_, i) => `risk ${i} | Low | Low | watch`).join("\n");
    expect(parseTable(typed, risks)).toEqual({
      ok: false,
      problems: ["At most 30 rows, one per line; this has 31."],
    });
  });

  it.each([
    ["m", "Medium"],
    ["LOW", "Low"],
    ["hi", "High"],
    ["x", undefined],
  ])("matches option %j to %j", (typed, expected) => {
    expect(matchOption(typed, ["Low", "Medium", "High"])).toBe(expected);
  });
});

describe("answers: stored values shown again in the modal", () => {
  it.each([
    ["pain_points", ["Late invoices", "Tax differs"], "Late invoices\nTax differs"],
    [
      "risks",
      [{ risk: "API change", likelihood: "Low", impact: "High", mitigation: "Pin version", owner: "" }],
      "API change | Low | High | Pin version",
    ],
    ["hours_per_week", 12.5, "12.5"],
    ["sync_strategy", ["realtime", "batch"], ["realtime", "batch"]],
    ["current_state", "By hand", "By hand"],
    ["pain_points", [], null],
  ] as const)("%s: %j → %j", (id, value, expected) => {
    expect(formatAnswerForInput(question(id), value as never)).toEqual(expected);
  });

  it("round-trips every list and table answer through the modal unchanged", () => {
    const rows = [
      { risk: "A", likelihood: "Low", impact: "Medium", mitigation: "M", owner: "" },
      { risk: "B", likelihood: "High", impact: "High", mitigation: "N", owner: "Sam" },
    ];
    const shown = formatAnswerForInput(risks, rows);
    expect(answerSchemaFor(risks, isSlackUserId).parse(shown)).toEqual(rows);
    const items = ["one", "two | with a pipe", "three"];
    expect(
      answerSchemaFor(question("pain_points"), isSlackUserId).parse(
        formatAnswerForInput(question("pain_points"), items),
      ),
    ).toEqual(items);
  });
});

describe("validateSection", () => {
  const current = section("current_state");

  it("saves what is valid and lists required questions left empty, without calling them errors", () => {
    const result = validateSection(
      current,
      {
        current_state: "By hand",
        hours_per_week: "10",
        error_rate: "",
      },
      isSlackUserId,
    );
    expect(result).toEqual({
      ok: true,
      values: {
        current_state: "By hand",
        pain_points: null,
        hours_per_week: 10,
        error_rate: null,
        hourly_cost: null,
        automated_share_percent: null,
        errors_prevented_percent: null,
      },
      missing: ["pain_points"],
    });
  });

  it("returns one error per malformed answer, keyed by question id", () => {
    const result = validateSection(
      current,
      {
        current_state: "By hand",
        hours_per_week: "lots",
        error_rate: "250",
      },
      isSlackUserId,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        hours_per_week: "Enter a number from 0 to 2000.",
        error_rate: "Enter a number from 0 to 100.",
      },
    });
  });

  it("finds nothing missing when every required answer is given", () => {
    const result = validateSection(current, { current_state: "By hand", pain_points: "Slow" }, isSlackUserId);
    expect(result.ok && result.missing).toEqual([]);
  });
});

describe("answers: a typed TBD is no answer yet, N/A is one", () => {
  const quirks = question("system_a_quirks");
  const currentState = question("current_state");

  it.each(["TBD", "tbc.", "To be confirmed", "unknown", "Not sure", "?", "??", "I don't know", "-"])(
    "%j counts as unanswered",
    (text) => {
      expect(isPlaceholderText(text)).toBe(true);
      expect(answerState(text, question("system_a_batch_operations"))).toBe("unanswered");
      expect(isAnswered([text, "tbd"], quirks)).toBe(false);
    },
  );

  it.each(["N/A", "n/a", "na", "Not applicable", "none", "None."])(
    "%j answers an optional question: not applicable",
    (text) => {
      expect(isNotApplicableText(text)).toBe(true);
      expect(answerState(text, question("system_a_batch_operations"))).toBe("not_applicable");
      expect(answerState([text], quirks)).toBe("not_applicable");
    },
  );

  it("a required question applies to every project: N/A leaves it unanswered", () => {
    expect(answerState("N/A", currentState)).toBe("unanswered");
  });

  it("real answers, and a list with one real item among placeholders, are answered", () => {
    expect(answerState("Two people re-key orders", currentState)).toBe("answered");
    expect(answerState(["TBD", "Pagination resets at 10,000"], quirks)).toBe("answered");
    expect(answerState("No", question("system_a_batch_operations"))).toBe("answered");
  });

  it("a choice's stored value is never read as typed text: 'not known yet' from the options is an answer", () => {
    expect(answerState("unknown", question("system_a_webhooks"))).toBe("answered");
    expect(answerState("unsure", question("migration_needed"))).toBe("answered");
  });

  it("keeps the typed placeholder: the modal shows it again", () => {
    expect(formatAnswerForInput(currentState, "TBD")).toBe("TBD");
  });

  it("a required question answered TBD is still missing when the section is saved", () => {
    const result = validateSection(
      section("current_state"),
      { current_state: "TBD", pain_points: "Slow" },
      isSlackUserId,
    );
    expect(result.ok && result.values.current_state).toBe("TBD");
    expect(result.ok && result.missing).toEqual(["current_state"]);
  });
});
