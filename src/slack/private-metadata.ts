import type { z } from "zod";

/**
 * The one codec for what we hand Slack to carry and give back: a view's private_metadata, a button's value.
 * Written as JSON; read back through the schema of what was written, since anything can arrive in a payload.
 */

export function writePrivateMetadata<T>(value: T): string {
  return JSON.stringify(value);
}

/** What was written, read back through its schema; undefined when it is not what we wrote. */
export function readPrivateMetadata<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
