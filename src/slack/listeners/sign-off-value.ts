import { z } from "zod";
import type { SignOffRequest } from "../../services/phases-service.js";

/** What a sign-off button carries: the change it confirms (services/phases.ts), in a few bytes of JSON. */

const schema = z.object({
  p: z.number().int().positive(),
  n: z.number().int().min(1).max(5),
  note: z.string().nullable(),
});

export const encodeSignOffValue = (request: SignOffRequest): string =>
  JSON.stringify({ p: request.projectId, n: request.phaseNumber, note: request.note });

export function decodeSignOffValue(value: string | undefined): SignOffRequest | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(value ?? ""));
    return parsed.success
      ? { projectId: parsed.data.p, phaseNumber: parsed.data.n, note: parsed.data.note }
      : undefined;
  } catch {
    return undefined;
  }
}
