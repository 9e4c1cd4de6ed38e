import { z } from "zod";
import { ISO_DATE_SHAPE, isCalendarDate } from "./dates.js";
import {
  INTEGRATION_TYPE_LABELS,
  INTEGRATION_TYPES,
  type IntegrationType,
  type IntegrationTypeSource,
} from "./integration-type.js";
import type { IsPersonId } from "./person-id.js";
import { byField, PROJECT_LIMITS, projectFieldRules as rules } from "./project.js";

/**
 * `/intplan edit project`: the basics a project was started with, changed later. Validated as `/intplan new`
 * validates them, but for the go-live date: one already in the past stays allowed while it is not changed.
 */

/** What the edit form holds. `integrationTypes` empty: detect them from the project. */
export interface ProjectBasics {
  name: string;
  clientName: string;
  systemA: string;
  systemB: string;
  integrationTypes: IntegrationType[];
  leadEngineerId: string | null;
  projectManagerId: string | null;
  targetGoLive: string | null;
  volumeEstimate: string | null;
  summary: string | null;
}
export type ProjectBasicsField = keyof ProjectBasics;

/** The fields in the form's order, with how a change names them. */
export const BASICS_LABELS: Readonly<Record<ProjectBasicsField, string>> = {
  name: "Project name",
  clientName: "Client",
  systemA: "Source system",
  systemB: "Target system",
  integrationTypes: "Integration types",
  leadEngineerId: "Lead engineer",
  projectManagerId: "Project manager",
  targetGoLive: "Target go-live",
  volumeEstimate: "Volume estimate",
  summary: "Summary",
};

/** The basics of a stored project as the form shows them: types a person chose, or none (auto-detect). */
export function basicsOf(
  project: ProjectBasics & { integrationTypeSource: IntegrationTypeSource },
): ProjectBasics {
  return {
    name: project.name,
    clientName: project.clientName,
    systemA: project.systemA,
    systemB: project.systemB,
    integrationTypes: project.integrationTypeSource === "chosen" ? [...project.integrationTypes] : [],
    leadEngineerId: project.leadEngineerId,
    projectManagerId: project.projectManagerId,
    targetGoLive: project.targetGoLive,
    volumeEstimate: project.volumeEstimate,
    summary: project.summary,
  };
}

function projectEditSchema(today: string, currentGoLive: string | null, isPersonId: IsPersonId) {
  return z
    .object({
      name: rules.text("Project name", PROJECT_LIMITS.name),
      clientName: rules.text("Client name", PROJECT_LIMITS.clientName),
      systemA: rules.text("Source system", PROJECT_LIMITS.system),
      systemB: rules.text("Target system", PROJECT_LIMITS.system),
      integrationTypes: z
        .array(z.enum(INTEGRATION_TYPES, { error: "Pick integration types from the list." }))
        .default([])
        .transform((types) => [...new Set(types)]),
      leadEngineerId: rules.personId(isPersonId),
      projectManagerId: rules.personId(isPersonId),
      targetGoLive: z
        .string()
        .regex(ISO_DATE_SHAPE, { error: "Pick a date." })
        .refine(isCalendarDate, { error: "That date does not exist. Pick one from the calendar." })
        .refine((d) => d >= today || d === currentGoLive, {
          error: "The go-live date is in the past. Pick today or a later date.",
        })
        .nullable()
        .default(null),
      volumeEstimate: rules.optionalText("Data volume estimate", PROJECT_LIMITS.volumeEstimate),
      summary: rules.optionalText("Summary", PROJECT_LIMITS.summary),
    })
    .superRefine((p, ctx) => {
      if (p.systemA.trim().toLowerCase() === p.systemB.trim().toLowerCase()) {
        ctx.addIssue({
          code: "custom",
          path: ["systemB"],
          message: "The target system must differ from the source system.",
        });
      }
    });
}

export type ProjectEditValidation =
  | { ok: true; value: ProjectBasics }
  | { ok: false; errors: Partial<Record<ProjectBasicsField, string>> };

/** Validates the submitted edit form against today and the go-live date the project has now. */
export function validateProjectEdit(
  raw: Record<string, unknown>,
  args: { today: string; currentGoLive: string | null; isPersonId: IsPersonId },
): ProjectEditValidation {
  return byField<ProjectBasics, ProjectBasicsField>(
    projectEditSchema(args.today, args.currentGoLive, args.isPersonId).safeParse(raw),
  );
}

/** A project's types as a person reads them: "Inventory, Accounting" or "Accounting (auto-detected)". */
export function describeTypes(types: readonly IntegrationType[], source: IntegrationTypeSource): string {
  const names = types.map((t) => INTEGRATION_TYPE_LABELS[t]).join(", ");
  return source === "auto" ? `${names} (auto-detected)` : names;
}

export interface BasicsChange {
  field: ProjectBasicsField;
  /** As it was and as it is now; null for an empty value. */
  from: string | null;
  to: string | null;
}

const SCALAR_FIELDS = (Object.keys(BASICS_LABELS) as ProjectBasicsField[]).filter(
  (f): f is Exclude<ProjectBasicsField, "integrationTypes"> => f !== "integrationTypes",
);

/**
 * What an edit changes, field by field in the form's order. The types are compared as they resolve
 * (`types`, before and after, with who picked them), so a change of systems that makes auto-detection
 * find another type is listed too.
 */
export function changedBasics(
  before: ProjectBasics,
  after: ProjectBasics,
  types: {
    before: { types: readonly IntegrationType[]; source: IntegrationTypeSource };
    after: { types: readonly IntegrationType[]; source: IntegrationTypeSource };
  },
): BasicsChange[] {
  const changes: BasicsChange[] = [];
  for (const field of SCALAR_FIELDS) {
    if (before[field] !== after[field]) changes.push({ field, from: before[field], to: after[field] });
    if (field === "systemB") {
      const from = describeTypes(types.before.types, types.before.source);
      const to = describeTypes(types.after.types, types.after.source);
      if (from !== to) changes.push({ field: "integrationTypes", from, to });
    }
  }
  return changes;
}
