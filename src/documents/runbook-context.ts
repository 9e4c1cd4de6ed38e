import type { Answers } from "../domain/questionnaire/answers.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { whereAnswered } from "../domain/questionnaire/where-answered.js";
import { unanswered } from "./answer-fields.js";
import { checklistStates } from "./checklist-states.js";
import { contactsView } from "./ops-views.js";
import type { DocumentInput, DocumentProject } from "./render-input.js";
import { EDIT_PROJECT } from "./shared-views.js";
import { specsWorkflows } from "./specs-context.js";
import { type ContextArgs, companionContext } from "./suite-context.js";

/**
 * The plan's tasks and exit criteria a pre-deployment check stands for: the check is ticked when the plan
 * has one of them ticked, so the runbook shows the project's live state. A check with no task of the same
 * meaning (the rollback rehearsal) is never ticked here: the person deploying ticks it.
 */
const PLAN_TASKS = {
  uat: ["p3.uat-signoff", "p3.exit.uat"],
  environment: ["p4.prod-env"],
  credentials: ["p4.prod-credentials"],
  monitoring: ["p4.prod-monitoring"],
  client: ["p4.window"],
} as const;

type Check = keyof typeof PLAN_TASKS;

/** Which pre-deployment checks the plan's checklist already has done. */
function checksDone(input: DocumentInput): Record<Check, boolean> {
  const states = checklistStates(input);
  const isDone = (key: string) => states[key]?.done === true;
  return Object.fromEntries(
    Object.entries(PLAN_TASKS).map(([check, keys]) => [check, keys.some(isDone)]),
  ) as Record<Check, boolean>;
}

/**
 * The migration check, from `migration_needed`: "yes" asks for the migration to be done and reconciled,
 * "no" leaves the check out, "not sure yet" or no answer asks for it to be decided, saying where.
 */
function migrationView(answers: Answers, questionnaire: Questionnaire, project: DocumentProject) {
  const value = answers.migration_needed;
  const where = whereAnswered(questionnaire, "migration_needed", project) ?? "/intplan edit runbook";
  return {
    needed: value === "yes",
    none: value === "no",
    undecided: value !== "yes" && value !== "no",
    /** Where the migration question is answered, for the undecided check. */
    decide: unanswered(where),
  };
}

/**
 * How the release is undone, by the deployment strategy answered (its option value): the one rollback step
 * the strategy decides. Without a strategy, the template says where to answer it.
 */
const ROLLBACK_BY_STRATEGY: Readonly<Record<string, string>> = {
  blue_green:
    "Switch traffic back to the previous environment, which stays running until the release is accepted",
  rolling: "Roll the previous release back out, one instance at a time",
  canary: "Route all traffic back to the stable release and stop the canary",
  feature_flag: "Switch the feature flag off, so the integration stops syncing",
  big_bang: "Redeploy the previous release, or switch the integration off when there was none",
};

function rollbackSwitch(answers: Answers): string | null {
  const value = answers.deployment_strategy;
  return (typeof value === "string" ? ROLLBACK_BY_STRATEGY[value] : undefined) ?? null;
}

/** Everything the runbook template reads. */
export function buildRunbookContext(...args: ContextArgs) {
  const [input, questionnaire, analysis] = args;
  const { project, answers } = input;
  const base = companionContext("runbook", ...args);
  const whereData = (id: string) =>
    [EDIT_PROJECT, whereAnswered(questionnaire, id, project)].filter(Boolean).join(" or ");
  const { facts, goLive } = analysis;
  return {
    ...base,
    /** The target go-live both the plan and the runbook use; where to set it when there is none. */
    goLive: goLive.target ?? unanswered(whereData("mvp_target_date")),
    done: checksDone(input),
    migration: migrationView(answers, questionnaire, project),
    /** Each workflow with the Technical Specifications section describing it (5.N), to verify in production. */
    workflows: specsWorkflows(base.answer.workflows),
    /** The rollback step the deployment strategy decides; null without a strategy. */
    rollbackSwitch: rollbackSwitch(answers),
    volume: facts.volumeText ?? unanswered(whereData("data_volume")),
    volumeReading: facts.volumeReading ?? null,
    contacts: contactsView(input, base.answer),
  };
}
