import { z } from "zod";
import type { SignOffRequest } from "../../services/phases-service.js";
import { readPrivateMetadata, writePrivateMetadata } from "../private-metadata.js";

/** What a sign-off button carries: the change it confirms (services/phases-service.ts), in a few bytes of JSON. */

const schema = z.object({
  p: z.number().int().positive(),
  n: z.number().int().min(1).max(5),
  note: z.string().nullable(),
});

export const encodeSignOffValue = (request: SignOffRequest): string =>
  writePrivateMetadata({ p: request.projectId, n: request.phaseNumber, note: request.note });

export function decodeSignOffValue(value: string | undefined): SignOffRequest | undefined {
  const carried = readPrivateMetadata(schema, value);
  return carried && { projectId: carried.p, phaseNumber: carried.n, note: carried.note };
}
