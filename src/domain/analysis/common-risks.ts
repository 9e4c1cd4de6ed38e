import type { IntegrationType } from "../integration-type.js";

export interface CommonRisk {
  risk: string;
  mitigation: string;
}

/**
 * Risks every integration of a type carries. Accounting, marketing and fulfillment come from the
 * Implementation Plan template; the others are written in the same spirit.
 */
export const COMMON_RISKS: Readonly<Record<IntegrationType, readonly CommonRisk[]>> = {
  accounting: [
    {
      risk: "Tax calculation discrepancies",
      mitigation: "Implement validation checks and manual review process",
    },
    {
      risk: "Payment reconciliation failures",
      mitigation: "Build idempotency and transaction matching logic",
    },
  ],
  marketing: [
    {
      risk: "Privacy compliance violations",
      mitigation: "Implement opt-out handling and data retention policies",
    },
    {
      risk: "Email deliverability issues",
      mitigation: "Monitor bounce rates and implement list hygiene",
    },
  ],
  fulfillment: [
    {
      risk: "Shipping carrier API downtime",
      mitigation: "Implement fallback carrier and manual label generation",
    },
    {
      risk: "Tracking number sync delays",
      mitigation: "Build retry logic and notification system",
    },
  ],
  inventory: [
    {
      risk: "Overselling from stale stock levels",
      mitigation: "Keep buffer stock and reconcile stock levels on a schedule",
    },
    {
      risk: "Location mapping errors",
      mitigation: "Validate the location mapping before go-live and alert on unmapped locations",
    },
  ],
  pos: [
    {
      risk: "Lost offline transactions",
      mitigation: "Queue offline transactions and replay them in order when the connection returns",
    },
    {
      risk: "End-of-day totals that do not match",
      mitigation: "Reconcile the daily sales summary against both systems and alert on differences",
    },
  ],
  other: [
    {
      risk: "API rate limits during peak volume",
      mitigation: "Throttle requests, batch where possible and retry with backoff",
    },
    {
      risk: "Gaps in the data mapping",
      mitigation: "Validate every record against the approved mapping and report rejects daily",
    },
  ],
};
