import { createHash } from "node:crypto";

/** A stable hash of a JSON-able value: equal values, equal fingerprints. */
export const fingerprintOf = (value: unknown): string =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex");
