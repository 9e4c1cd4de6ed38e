import type { ViewOutput } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import {
  type Answers,
  type AnswerValue,
  answerSchemaFor,
  maxLengthFor,
  validateSection,
} from "../../src/domain/questionnaire/answers.js";
import {
  allQuestions,
  QUESTIONNAIRE_V1,
  QUESTIONNAIRE_V3,
  type Question,
} from "../../src/domain/questionnaire/definition.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";
import type { KnownBlock, ModalView } from "../../src/slack/views/block-kit.js";
import { buildInterviewSummaryView } from "../../src/slack/views/interview-summary-view.js";
import {
  buildInterviewSectionView,
  INTERVIEW_ACTION,
  INTERVIEW_CALLBACK_ID,
  type InterviewProject,
  OPEN_SECTION_ACTION,
  readSectionState,
} from "../../src/slack/views/interview-view.js";

const project: InterviewProject = {
  code: "INT-0007",
  name: "Acme order sync",
  systemA: "Shopify",
  systemB: "QuickBooks",
};
const longProject: InterviewProject = {
  code: "INT-9999",
  name: "N".repeat(80),
  systemA: "A".repeat(60),
  systemB: "B".repeat(60),
};
const sections = QUESTIONNAIRE_V1.sections;
const total = sections.length;

const view = (
  sectionIndex: number,
  answers: Answers = {},
  extra: Partial<Parameters<typeof buildInterviewSectionView>[0]> = {},
) =>
  buildInterviewSectionView({
    questionnaire: QUESTIONNAIRE_V1,
    sectionIndex,
    answers,
    project,
    privateMetadata: JSON.stringify({ projectId: 7 }),
    ...extra,
  });

const sectionIndexOf = (questionId: string) =>
  sections.findIndex((s) => s.questions.some((q) => q.id === questionId));

/** Views hold AnyBlock; the interview only builds known blocks. */
const blocksOf = (v: ModalView) => v.blocks as KnownBlock[];
type Block = KnownBlock & { block_id?: string; element?: Record<string, unknown>; hint?: { text: string } };
const blockFor = (v: ModalView, id: string) =>
  v.blocks.find((b) => (b as Block).block_id === id) as Block | undefined;
const elementFor = (questionId: string, answers: Answers = {}) =>
  blockFor(view(sectionIndexOf(questionId), answers), questionId)?.element;

/** What a person could type at most into a box, as the raw text Slack would send. */
function longestRawInput(q: Question): string | string[] {
  const max = maxLengthFor(q);
  switch (q.kind) {
    case "short_text":
    case "long_text":
      return "é".repeat(max);
    case "number":
      return String(q.max ?? 9_999_999.99);
    case "single_select":
      return q.options[q.options.length - 1]?.value ?? "";
    case "multi_select":
    case "checkboxes":
      return q.options.map((o) => o.value);
    case "date":
      return "2099-12-31";
    case "user":
      return "U0123456789ABCDEF";
    case "url":
      return `https://example.com/${"p".repeat(max - 40)}`;
    case "email":
      return `${"m".repeat(64)}@${"d".repeat(63)}.${"e".repeat(63)}.com`;
    case "list":
      return Array.from({ length: 30 }, () => "i".repeat(99)).join("\n");
    case "table": {
      const cell = (c: (typeof q.columns)[number]) =>
        c.options?.[0] ?? "c".repeat(Math.floor(90 / q.columns.length));
      const row = q.columns.map(cell).join(" | ");
      // No row cap (field mappings): as many rows as the box holds.
      const rows = Number.isFinite(q.maxRows ?? 30) ? (q.maxRows ?? 30) : Math.floor(3000 / (row.length + 1));
      return Array.from({ length: rows }, () => row).join("\n");
    }
  }
}

/** Every question answered with the longest value it accepts. */
const longestAnswers: Answers = Object.fromEntries(
  allQuestions(QUESTIONNAIRE_V1).map((q) => [
    q.id,
    answerSchemaFor(q, isSlackUserId).parse(longestRawInput(q)) as AnswerValue,
  ]),
);

function textBoxesOverTheirLimit(v: ModalView): string[] {
  return v.blocks.flatMap((b) => {
    const element = (b as Block).element as
      | { type?: string; initial_value?: string; max_length?: number }
      | undefined;
    if (element?.type !== "plain_text_input" || element.initial_value === undefined) return [];
    return element.initial_value.length > (element.max_length ?? 3000) ? [(b as Block).block_id ?? "?"] : [];
  });
}

describe("every interview view stays within Slack's limits", () => {
  const cases = sections.flatMap((s, i) => [
    { name: `${i + 1}. ${s.id}, empty`, sectionIndex: i, answers: {}, project },
    {
      name: `${i + 1}. ${s.id}, fully answered with long values`,
      sectionIndex: i,
      answers: longestAnswers,
      project: longProject,
    },
  ]);

  it.each(cases)("$name", ({ sectionIndex, answers, project: p }) => {
    const v = buildInterviewSectionView({
      questionnaire: QUESTIONNAIRE_V1,
      sectionIndex,
      answers,
      project: p,
      privateMetadata: "x".repeat(3000),
      errors: Object.fromEntries(sections[sectionIndex]?.questions.map((q) => [q.id, "e".repeat(500)]) ?? []),
    });
    expect(validateView(v)).toEqual([]);
    expect(textBoxesOverTheirLimit(v)).toEqual([]);
  });

  it("the summary, empty and complete", () => {
    for (const answers of [{}, longestAnswers]) {
      const summary = buildInterviewSummaryView({
        questionnaire: QUESTIONNAIRE_V1,
        answers,
        project: longProject,
        privateMetadata: "{}",
      });
      expect(validateView(summary)).toEqual([]);
    }
  });

  it("the long answers really are long, so the check above means something", () => {
    expect(longestAnswers.current_state).toHaveLength(3000);
    expect(longestAnswers.pain_points).toHaveLength(30);
    expect(longestAnswers.risks).toHaveLength(30);
    expect(Object.values(longestAnswers).every((v) => v !== null)).toBe(true);
  });
});

describe("an interview section modal", () => {
  it("shows where the PM is: 'Section 4 of 14: Shopify API', titled 'Discovery 4/14'", () => {
    const v = view(3);
    expect(v.callback_id).toBe(INTERVIEW_CALLBACK_ID);
    expect(v.title.text).toBe(`Discovery 4/${total}`);
    expect(v.blocks[0]).toMatchObject({
      type: "header",
      text: { text: `Section 4 of ${total}: Shopify API` },
    });
    expect(v.submit?.text).toBe("Next");
    expect(v.close?.text).toBe("Save & close");
    expect(v.notify_on_close).toBe(true);
    expect(v.private_metadata).toBe('{"projectId":7}');
  });

  it("says Finish on the last section", () => {
    expect(view(total - 1).submit?.text).toBe("Finish");
  });

  it("offers Back except on the first section, and Skip section everywhere", () => {
    const buttonsOf = (v: ModalView) =>
      blocksOf(v).flatMap((b) =>
        b.type === "actions" ? b.elements.map((e) => ("action_id" in e ? e.action_id : "")) : [],
      );
    expect(buttonsOf(view(0))).toEqual([INTERVIEW_ACTION.skip]);
    expect(buttonsOf(view(5))).toEqual([INTERVIEW_ACTION.back, INTERVIEW_ACTION.skip]);
  });

  it("has one optional input per question, whose block and action ids are the question id", () => {
    for (const [i, section] of sections.entries()) {
      const inputs = blocksOf(view(i)).filter((b) => b.type === "input");
      expect(inputs.map((b) => b.block_id)).toEqual(section.questions.map((q) => q.id));
      for (const b of inputs) {
        expect(b.optional).toBe(true);
        expect((b.element as { action_id?: string }).action_id).toBe(b.block_id);
      }
    }
  });

  it("puts the project's system names into labels", () => {
    const block = blockFor(view(4), "system_b_rate_limit") as { label?: { text: string } };
    expect(block.label?.text).toBe("QuickBooks rate limits");
  });

  it("marks required questions and explains list and table formats in the hint", () => {
    const hintOf = (id: string) => blockFor(view(sectionIndexOf(id)), id)?.hint?.text;
    expect(hintOf("pain_points")).toBe(
      "Needed for the plan. One per line; indent a line to continue the one above.",
    );
    expect(hintOf("risks")).toBe(
      "Needed for the plan. Log a risk before its mitigation is known; add it later. One row per line: Risk | Likelihood | Impact | Mitigation (optional) | Owner (optional). Cells split by | or tabs (paste from a sheet); \\| is a bar in a cell. Likelihood and Impact: Low, Medium or High (or H/M/L, Hi/Med/Lo, 1–5 (5 highest) or P1–P4).",
    );
    expect(hintOf("hours_per_week")).toBeUndefined();
  });

  it.each([
    ["current_state", "plain_text_input"],
    ["system_a_rate_limit", "plain_text_input"],
    ["hours_per_week", "number_input"],
    ["migration_needed", "static_select"],
    ["sync_strategy", "checkboxes"],
    ["mvp_target_date", "datepicker"],
    ["product_owner", "users_select"],
    ["dashboard_url", "url_text_input"],
    ["pain_points", "plain_text_input"],
    ["risks", "plain_text_input"],
  ])("asks %s with a %s", (id, type) => {
    expect(elementFor(id)?.type).toBe(type);
  });

  it("uses multiline boxes for long text, lists and tables", () => {
    expect(elementFor("current_state")?.multiline).toBe(true);
    expect(elementFor("pain_points")?.multiline).toBe(true);
    expect(elementFor("risks")?.multiline).toBe(true);
    expect(elementFor("system_a_rate_limit")?.multiline).toBe(false);
  });

  it("bounds numbers as the definition does", () => {
    expect(elementFor("error_rate")).toMatchObject({
      is_decimal_allowed: true,
      min_value: "0",
      max_value: "100",
    });
    expect(elementFor("monitoring_period_hours")).toMatchObject({ is_decimal_allowed: false });
  });

  it("shows what was answered before", () => {
    const answers: Answers = {
      pain_points: ["Invoices are late", "Tax differs"],
      risks: [{ risk: "API change", likelihood: "Low", impact: "High", mitigation: "Pin it", owner: "Sam" }],
      hours_per_week: 12,
      migration_needed: "no",
      sync_strategy: ["batch"],
      mvp_target_date: "2025-10-01",
      product_owner: "U0PO",
      dashboard_url: "https://grafana.acme.io",
    };
    expect(elementFor("pain_points", answers)?.initial_value).toBe("Invoices are late\nTax differs");
    expect(elementFor("risks", answers)?.initial_value).toBe("API change | Low | High | Pin it | Sam");
    expect(elementFor("hours_per_week", answers)?.initial_value).toBe("12");
    expect(elementFor("migration_needed", answers)?.initial_option).toMatchObject({ value: "no" });
    expect(elementFor("sync_strategy", answers)?.initial_options).toEqual([
      { text: { type: "plain_text", text: "Batch (scheduled sync)", emoji: true }, value: "batch" },
    ]);
    expect(elementFor("mvp_target_date", answers)?.initial_date).toBe("2025-10-01");
    expect(elementFor("product_owner", answers)?.initial_user).toBe("U0PO");
    expect(elementFor("dashboard_url", answers)?.initial_value).toBe("https://grafana.acme.io");
  });

  it("counts what is answered in the section", () => {
    const v = view(0, { current_state: "By hand", hours_per_week: 0 });
    expect(JSON.stringify(v.blocks[1])).toContain("2 of 7 answered");
  });

  it("shows a problem under the question it belongs to", () => {
    const v = view(0, {}, { errors: { hours_per_week: "Enter a number from 0 to 2000." } });
    const at = blocksOf(v).findIndex((b) => b.block_id === "hours_per_week");
    expect(v.blocks[at + 1]).toMatchObject({
      type: "context",
      elements: [{ type: "mrkdwn", text: ":warning: Enter a number from 0 to 2000." }],
    });
  });

  it("refuses a section that does not exist", () => {
    expect(() => view(total)).toThrow(`Section ${total + 1} does not exist; the questionnaire has ${total}.`);
  });

  it("escapes a project name that tries to mention everyone", () => {
    const v = buildInterviewSectionView({
      questionnaire: QUESTIONNAIRE_V1,
      sectionIndex: 0,
      answers: {},
      project: { ...project, name: "<!channel> sync" },
      privateMetadata: "",
    });
    expect(JSON.stringify(v.blocks[1])).toContain("&lt;!channel&gt; sync");
  });
});

describe("reading a submitted section", () => {
  const state = (values: Record<string, Record<string, unknown>>) => values as ViewOutput["state"]["values"];

  it("turns Slack's state values into raw input per question, and validation into answers", () => {
    const section = sections[sectionIndexOf("migration_needed")];
    if (!section) throw new Error("no section");
    const raw = readSectionState(
      section,
      state({
        source_payload_example: { source_payload_example: { type: "plain_text_input", value: '{"id": 1}' } },
        field_mappings: { field_mappings: { type: "plain_text_input", value: "order.id | DocNumber" } },
        migration_needed: { migration_needed: { type: "static_select", selected_option: { value: "yes" } } },
        migration_time: { migration_time: { type: "plain_text_input", value: null } },
      }),
    );
    expect(raw).toMatchObject({
      source_payload_example: '{"id": 1}',
      field_mappings: "order.id | DocNumber",
      migration_needed: "yes",
      migration_time: null,
      default_values: null,
    });
    const result = validateSection(section, raw, isSlackUserId);
    expect(result.ok && result.values).toMatchObject({
      field_mappings: [{ source_field: "order.id", target_field: "DocNumber", transformation: "" }],
      migration_needed: "yes",
      migration_time: null,
    });
  });

  it("reads every kind of element the interview uses", () => {
    const read = (id: string, value: Record<string, unknown>) => {
      const section = sections[sectionIndexOf(id)];
      if (!section) throw new Error("no section");
      return readSectionState(section, state({ [id]: { [id]: value } }))[id];
    };
    expect(read("hours_per_week", { type: "number_input", value: "12" })).toBe("12");
    expect(read("sync_strategy", { type: "checkboxes", selected_options: [{ value: "batch" }] })).toEqual([
      "batch",
    ]);
    expect(read("mvp_target_date", { type: "datepicker", selected_date: "2025-10-01" })).toBe("2025-10-01");
    expect(read("product_owner", { type: "users_select", selected_user: "U0PO" })).toBe("U0PO");
    expect(read("dashboard_url", { type: "url_text_input", value: "https://x.io" })).toBe("https://x.io");
  });

  /** The state Slack would send back for a view nobody touched: each element's initial value. */
  function untouchedState(v: ModalView): ViewOutput["state"]["values"] {
    return state(
      Object.fromEntries(
        blocksOf(v).flatMap((b) => {
          if (b.type !== "input" || !b.block_id) return [];
          const e = b.element as Record<string, unknown> & { type: string };
          const shown = {
            type: e.type,
            value: e.initial_value,
            selected_option: e.initial_option,
            selected_options: e.initial_options,
            selected_date: e.initial_date,
            selected_user: e.initial_user,
          };
          return [[b.block_id, { [b.block_id]: shown }]];
        }),
      ),
    );
  }

  it.each(sections.map((s, i) => [s.id, i] as const))(
    "what the %s modal shows comes back as the same answers",
    (_id, i) => {
      const section = sections[i];
      if (!section) throw new Error("no section");
      const v = buildInterviewSectionView({
        questionnaire: QUESTIONNAIRE_V1,
        sectionIndex: i,
        answers: longestAnswers,
        project,
        privateMetadata: "",
      });
      const result = validateSection(section, readSectionState(section, untouchedState(v)), isSlackUserId);
      const expected = Object.fromEntries(section.questions.map((q) => [q.id, longestAnswers[q.id]]));
      expect(result).toEqual({ ok: true, values: expected, missing: [] });
    },
  );
});

describe("the interview summary", () => {
  it("lists sections complete, what is still missing, and a button to open each section", () => {
    const summary = buildInterviewSummaryView({
      questionnaire: QUESTIONNAIRE_V1,
      answers: { current_state: "By hand", pain_points: ["Late"], system_a_rate_limit: "40/min" },
      project,
      privateMetadata: "{}",
    });
    const text = JSON.stringify(summary.blocks);
    expect(summary.blocks[0]).toMatchObject({
      type: "header",
      text: { text: `1 of ${total} sections complete` },
    });
    expect(text).toContain(":white_check_mark: *1. Current state and pain points*\\nComplete: ");
    expect(text).toContain(":warning: *4. Shopify API*\\nIncomplete: 1 of ");
    expect(text).toContain("*2. Vision and business value*\\nNot started: 0 of ");
    expect(text).toContain("Still needed: Shopify authentication method, Does Shopify send webhooks?");
    const buttons = blocksOf(summary).flatMap((b) =>
      b.type === "section" && b.accessory && "action_id" in b.accessory ? [b.accessory] : [],
    );
    expect(buttons).toHaveLength(total);
    expect(buttons[3]).toMatchObject({ action_id: "interview_open_section:3", value: "3" });
    expect(buttons.every((b) => OPEN_SECTION_ACTION.test(b.action_id ?? ""))).toBe(true);
  });
});

describe("every interview view of questionnaire version 3 stays within Slack's limits", () => {
  const longestV3: Answers = Object.fromEntries(
    allQuestions(QUESTIONNAIRE_V3).map((q) => [
      q.id,
      answerSchemaFor(q, isSlackUserId).parse(longestRawInput(q)) as AnswerValue,
    ]),
  );
  it.each(QUESTIONNAIRE_V3.sections.map((s, i) => [`${i + 1}. ${s.id}`, i] as const))(
    "%s, empty and at its longest",
    (_name, sectionIndex) => {
      for (const answers of [{}, longestV3]) {
        const v = buildInterviewSectionView({
          questionnaire: QUESTIONNAIRE_V3,
          sectionIndex,
          answers,
          project: longProject,
          privateMetadata: "x".repeat(3000),
        });
        expect(validateView(v)).toEqual([]);
        expect(textBoxesOverTheirLimit(v)).toEqual([]);
      }
    },
  );

  it("the summary, empty and complete", () => {
    for (const answers of [{}, longestV3]) {
      const summary = buildInterviewSummaryView({
        questionnaire: QUESTIONNAIRE_V3,
        answers,
        project: longProject,
        privateMetadata: "{}",
      });
      expect(validateView(summary)).toEqual([]);
    }
  });
});
