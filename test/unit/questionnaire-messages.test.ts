import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { ProjectRow } from "../../src/db/schema.js";
import { carryOverAnswers } from "../../src/domain/questionnaire/carry-over.js";
import { QUESTIONNAIRE_V1, QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import {
  buildQuestionnaireOverview,
  describeQuestionnaireMove,
} from "../../src/slack/views/questionnaire-messages.js";

const project = {
  id: 7,
  name: "Acme *order* sync",
  systemA: "Shopify",
  systemB: "QuickBooks Online",
  questionnaireVersion: 1,
} as ProjectRow;

/** Many answers version 3 no longer takes as they are: every dropped box ticked, and unknown ids. */
const answers = {
  current_state: "By hand",
  data_security_checks: ["encryption_in_transit", "pii_handling", "retention_policies", "audit_logging"],
  compliance_checks: ["gdpr", "data_residency", "right_to_deletion"],
  internal_dependencies: ["frontend_framework"],
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`retired_question_${i}`, "x".repeat(500)])),
};
const preview = carryOverAnswers(answers, QUESTIONNAIRE_V1, QUESTIONNAIRE_V3);

describe("the questionnaire messages", () => {
  it("the overview of a version 1 project names what version 3 adds and what a move does, within Slack's limits", () => {
    const message = buildQuestionnaireOverview({
      project,
      version: 1,
      latest: 3,
      added: [
        {
          section: "Environments, access and cut-over",
          questions: ["Environments and access", "Parallel run"],
        },
      ],
      preview,
    });
    expect(validateMessage(message)).toEqual([]);
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain("*Acme *order* sync* uses questionnaire version 1; the latest is version 3.");
    expect(shown).toContain("Environments and access; Parallel run");
    expect(shown).toContain("Would not carry over");
    expect(shown).toContain("…and 29 more");
  });

  it("the reply after a move says what carried over and what did not", () => {
    const reply = describeQuestionnaireMove({
      kind: "moved",
      project: { ...project, questionnaireVersion: 3 },
      from: 1,
      to: 3,
      carryOver: preview,
      draftsDropped: 2,
    });
    expect(reply).toContain("Moved *Acme *order* sync* from questionnaire version 1 to 3.");
    expect(reply).toContain("1 answer carries over unchanged.");
    expect(reply).toContain(
      'Which personal data flows, and how is it handled?: written from the ticked box "PII handling"',
    );
    expect(reply).toContain("2 unsaved entries of the interview had no place in the new version");
  });
});
