import { z } from "zod";
import { ISO_DATE_SHAPE, isCalendarDate } from "./dates.js";
import { INTEGRATION_TYPES, type IntegrationType, type IntegrationTypeSource } from "./integration-type.js";
import { type IsPersonId, NOT_A_PERSON } from "./person-id.js";

export const PROJECT_LIMITS = {
  name: 80,
  clientName: 80,
  system: 60,
  volumeEstimate: 200,
  summary: 1500,
} as const;

/** How a project's human code looks: INT-0001, INT-0002, ... per workspace. */
export function formatProjectCode(sequence: number): string {
  return `INT-${String(sequence).padStart(4, "0")}`;
}

/** Control characters other than line breaks and tabs: invisible, and never meant. */
const CONTROL = /[^\P{Cc}\n\r\t]/gu;
const withoutControl = (v: unknown) => (typeof v === "string" ? v.replace(CONTROL, "") : v);
const READABLE = /[\p{L}\p{N}]/u;

const text = (label: string, max: number) =>
  z.preprocess(
    withoutControl,
    z
      .string({ error: `${label} is required.` })
      .trim()
      .min(1, { error: `${label} is required.` })
      .max(max, { error: `${label} must be at most ${max} characters.` })
      .refine((v) => READABLE.test(v), { error: `${label} needs at least one letter or number.` }),
  );

const optionalText = (label: string, max: number) =>
  z.preprocess(
    (v) => {
      const cleaned = withoutControl(v);
      return typeof cleaned === "string" && cleaned.trim() === "" ? null : cleaned;
    },
    z
      .string()
      .trim()
      .max(max, { error: `${label} must be at most ${max} characters.` })
      .nullable()
      .default(null),
  );

const personId = (isPersonId: IsPersonId) =>
  z.string().refine(isPersonId, { error: NOT_A_PERSON }).nullable().default(null);

/**
 * Everything a person fills in to start a project; `today` (YYYY-MM-DD) bounds the go-live date, and
 * `isPersonId` (the chat platform's id check, from the edge) tells a picked person from anything else.
 */
export function newProjectSchema(today: string, isPersonId: IsPersonId) {
  return z
    .object({
      name: text("Project name", PROJECT_LIMITS.name),
      clientName: text("Client name", PROJECT_LIMITS.clientName),
      systemA: text("Source system", PROJECT_LIMITS.system),
      systemB: text("Target system", PROJECT_LIMITS.system),
      integrationType: z
        .enum(["auto", ...INTEGRATION_TYPES], { error: "Pick an integration type." })
        .default("auto"),
      leadEngineerId: personId(isPersonId),
      projectManagerId: personId(isPersonId),
      targetGoLive: z
        .string()
        .regex(ISO_DATE_SHAPE, { error: "Pick a date." })
        .refine(isCalendarDate, { error: "That date does not exist. Pick one from the calendar." })
        .refine((d) => d >= today, { error: "The go-live date is in the past. Pick today or a later date." })
        .nullable()
        .default(null),
      volumeEstimate: optionalText("Data volume estimate", PROJECT_LIMITS.volumeEstimate),
      summary: optionalText("Summary", PROJECT_LIMITS.summary),
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

export type NewProjectInput = z.output<ReturnType<typeof newProjectSchema>>;
export type NewProjectField = keyof NewProjectInput;

export type NewProjectValidation =
  | { ok: true; value: NewProjectInput }
  | { ok: false; errors: Partial<Record<NewProjectField, string>> };

/** A form's parse result as the form shows it: the value, or one message per field, the first problem found. */
export function byField<T, F extends string>(
  parsed: z.ZodSafeParseResult<T>,
): { ok: true; value: T } | { ok: false; errors: Partial<Record<F, string>> } {
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<F, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as F;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Validates raw form input; one message per field, the first problem found. */
export function validateNewProject(
  raw: Record<string, unknown>,
  today: string,
  isPersonId: IsPersonId,
): NewProjectValidation {
  return byField<NewProjectInput, NewProjectField>(newProjectSchema(today, isPersonId).safeParse(raw));
}

/** The type a person chose, or every type the classifier finds (the strongest first). */
export function resolveIntegrationType(
  chosen: NewProjectInput["integrationType"],
  classify: () => readonly IntegrationType[],
): { type: IntegrationType; source: IntegrationTypeSource; types: IntegrationType[] } {
  if (chosen !== "auto") return { type: chosen, source: "chosen", types: [chosen] };
  const types = classify();
  return { type: types[0] ?? "other", source: "auto", types: types.length > 0 ? [...types] : ["other"] };
}

/** The field rules of the project form, shared with the edit form (domain/project-edit.ts). */
export const projectFieldRules = { text, optionalText, personId };
