/** The integration types the Implementation Plan knows, plus "other" for anything the plan has no block for. */
export const INTEGRATION_TYPES = [
  "accounting",
  "marketing",
  "fulfillment",
  "inventory",
  "pos",
  "other",
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** Who picked a project's type: the classifier ("auto") or a person ("chosen"). */
export const INTEGRATION_TYPE_SOURCES = ["auto", "chosen"] as const;
export type IntegrationTypeSource = (typeof INTEGRATION_TYPE_SOURCES)[number];

export const INTEGRATION_TYPE_LABELS: Record<IntegrationType, string> = {
  accounting: "Accounting",
  marketing: "Marketing",
  fulfillment: "Fulfillment",
  inventory: "Inventory",
  pos: "Point of sale",
  other: "General data sync",
};

export function isIntegrationType(value: unknown): value is IntegrationType {
  return typeof value === "string" && (INTEGRATION_TYPES as readonly string[]).includes(value);
}
