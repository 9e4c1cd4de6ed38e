import type { SignedClient, SlackRequestResult, StateValues } from "../emulator/signed-client.js";
import { QUESTIONNAIRE_V2 } from "../src/domain/questionnaire/definition.js";
import { encodeMetadata } from "../src/slack/interview-modal.js";
import { INTERVIEW_CALLBACK_ID } from "../src/slack/views/interview-view.js";
import { sectionState } from "../test/support/interview.js";

/** The project every measured request is about (the floor gets the very same requests and ignores them). */
export interface BenchProject {
  projectId: number;
  channelId: string;
  userId: string;
}

/** One kind of request a team sends all day, and what intplan must answer to it. */
export interface Scenario {
  id: "status" | "blocker" | "interview";
  label: string;
  /** Sends the `n`th request of this scenario. */
  send(slack: SignedClient, n: number): Promise<SlackRequestResult>;
  /** Why intplan's answer is not the expected one, or undefined when it is. */
  problemWith(result: SlackRequestResult): string | undefined;
}

const sections = QUESTIONNAIRE_V2.sections;
/** A fully answered modal per section, built once so the load generator does not pay for it. */
const SECTION_STATES: StateValues[] = sections.map((section) => sectionState(section));

const describeAnswer = (result: SlackRequestResult) =>
  `${result.status} ${JSON.stringify(result.body).slice(0, 200)}`;

const plainAck = (result: SlackRequestResult) =>
  result.status === 200 && result.body === ""
    ? undefined
    : `expected an empty 200 ack, got ${describeAnswer(result)}`;

/** `/intplan status` acks empty while it posts or edits the board, or answers at once that it is current. */
const statusAnswer = (result: SlackRequestResult) =>
  plainAck(result) === undefined ||
  (result.status === 200 && JSON.stringify(result.body).includes("status board is up to date"))
    ? undefined
    : `expected an empty ack or "up to date", got ${describeAnswer(result)}`;

export function createScenarios(project: BenchProject): Scenario[] {
  const { channelId, userId } = project;
  return [
    {
      id: "status",
      label: "`/intplan status`",
      send: (slack) => slack.command({ text: "status", channelId, userId }),
      problemWith: statusAnswer,
    },
    {
      id: "blocker",
      label: "`/intplan blocker <text>`",
      send: (slack, n) =>
        slack.command({
          text: `blocker Sandbox credentials for the ledger, request ${n} <@U0MARIA|maria>${n % 3 === 0 ? " --client" : ""}`,
          channelId,
          userId,
        }),
      problemWith: plainAck,
    },
    {
      id: "interview",
      label: "interview section submitted (Next)",
      send: (slack, n) => {
        const index = n % sections.length;
        return slack.viewSubmission({
          userId,
          callbackId: INTERVIEW_CALLBACK_ID,
          privateMetadata: encodeMetadata({ p: project.projectId, s: index }),
          values: SECTION_STATES[index] as StateValues,
        });
      },
      problemWith: (result) =>
        result.status === 200 && (result.body as { response_action?: string }).response_action === "update"
          ? undefined
          : `expected the next section (response_action "update"), got ${describeAnswer(result)}`,
    },
  ];
}
