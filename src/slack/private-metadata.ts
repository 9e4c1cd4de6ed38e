import type { z } from "zod";

/** A view's private_metadata read back through its schema; undefined when it is not what we wrote. */
export function readPrivateMetadata<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
