import { z } from "zod";
import { ISO_DATE_SHAPE } from "../domain/dates.js";
import { INTEGRATION_TYPES } from "../domain/integration-type.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import type { DocumentInput, DocumentProject } from "./render-input.js";

/**
 * The JSON file `/intplan export answers` writes and `npm run render -- --answers <file>` reads:
 * the project record and the interview's answers, keyed by question id.
 */
export const ANSWERS_FILE_FORMAT = "intplan-answers";

const date = z.string().regex(ISO_DATE_SHAPE, { error: "Expected a date as YYYY-MM-DD." });

const answerValue = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.array(z.record(z.string(), z.string())),
]);

export const answersFileSchema = z.object({
  format: z.literal(ANSWERS_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime().optional(),
  project: z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    clientName: z.string().min(1),
    systemA: z.string().min(1),
    systemB: z.string().min(1),
    integrationType: z.enum(INTEGRATION_TYPES).nullable(),
    /** Optional: a project of several types (stock sync plus order posting), the primary first. */
    integrationTypes: z.array(z.enum(INTEGRATION_TYPES)).min(1).nullable().optional(),
    leadEngineerId: z.string().nullable(),
    projectManagerId: z.string().nullable(),
    targetGoLive: date.nullable(),
    volumeEstimate: z.string().nullable(),
    summary: z.string().nullable(),
    status: z.string().min(1),
    createdAt: z.iso.datetime().transform((s) => new Date(s)),
    questionnaireVersion: z.number().int().positive(),
  }),
  answers: z.record(z.string(), answerValue),
});

export type AnswersFile = z.input<typeof answersFileSchema>;

/** Reads an answers file; the error lists every problem with its path. */
export function parseAnswersFile(json: unknown): DocumentInput {
  const parsed = answersFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new Error(`Not a valid intplan answers file:\n${problems.join("\n")}`);
  }
  return { project: parsed.data.project, answers: parsed.data.answers };
}

/** The answers file for a project, as `/intplan export answers` should write it. */
export function toAnswersFile(project: DocumentProject, answers: Answers, exportedAt: Date): AnswersFile {
  return {
    format: ANSWERS_FILE_FORMAT,
    version: 1,
    exportedAt: exportedAt.toISOString(),
    project: { ...project, createdAt: project.createdAt.toISOString() },
    answers: { ...answers },
  };
}
