import { teamOf } from "../domain/phase-owners.js";
import type { TableRow } from "../domain/questionnaire/answers.js";
import type { FieldValue, Unanswered } from "./answer-fields.js";
import type { DocumentInput } from "./render-input.js";
import { basic } from "./shared-views.js";

/** One person the runbook and the playbook say to call: a team member (a Slack person) by role. */
export interface TeamContact {
  role: string;
  /** A Slack user id for the `user` helper, or the marker saying where to name them. */
  userId: string | Unanswered;
}

/**
 * Who to call, as the Deployment Runbook and the Support Playbook both list it: the delivery team by role
 * (the project's lead and PM, the interview's DevOps and QA engineers), the client's point of contact as
 * typed, and the escalation ladder (`escalation_contacts`, v2) as rows. Unknowns are the answers' markers.
 */
export function contactsView(input: DocumentInput, answer: Record<string, FieldValue>) {
  const team = teamOf(input.project, input.answers);
  const person = (id: string | null, orAnswer: FieldValue | undefined): string | Unanswered =>
    id ?? (orAnswer as Unanswered | undefined) ?? basic(null);
  const escalation = answer.escalation_contacts;
  return {
    team: [
      { role: "Lead engineer", userId: basic(team.leadEngineerId) },
      { role: "Project manager", userId: basic(team.projectManagerId) },
      { role: "DevOps engineer", userId: person(team.devopsEngineerId, answer.devops_engineer) },
      { role: "QA engineer", userId: person(team.qaEngineerId, answer.qa_engineer) },
    ] satisfies TeamContact[],
    clientContact: answer.client_poc,
    escalation: Array.isArray(escalation) ? (escalation as TableRow[]) : escalation,
  };
}
