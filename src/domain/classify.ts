import type { IntegrationType } from "./integration-type.js";

/**
 * Deterministic auto-detection of the integration type from the two systems and the summary.
 * The target system says most about the integration (Shopify → QuickBooks is accounting), then the
 * source, then the summary. Ties go to the type listed first in KEYWORDS.
 */

const KEYWORDS: ReadonlyArray<[Exclude<IntegrationType, "other">, readonly string[]]> = [
  [
    "accounting",
    [
      "quickbooks",
      "qbo",
      "xero",
      "netsuite",
      "sage",
      "freshbooks",
      "zoho books",
      "myob",
      "wave accounting",
      "accounting",
      "bookkeeping",
      "general ledger",
      "ledger",
      "invoice",
      "invoicing",
      "accounts payable",
      "accounts receivable",
      "erp",
    ],
  ],
  [
    "pos",
    [
      "square",
      "lightspeed",
      "clover",
      "toast",
      "vend",
      "revel",
      "shopify pos",
      "point of sale",
      "pos",
      "till",
    ],
  ],
  [
    "fulfillment",
    [
      "shipstation",
      "shipbob",
      "shiphero",
      "shippo",
      "easyship",
      "deliverr",
      "red stag",
      "3pl",
      "third-party logistics",
      "fulfillment",
      "fulfilment",
      "shipping",
      "shipment",
      "carrier",
      "logistics",
    ],
  ],
  [
    "inventory",
    [
      "inventory",
      "stock",
      "warehouse",
      "wms",
      "cin7",
      "linnworks",
      "fishbowl",
      "katana",
      "skubana",
      "dear systems",
      "tradegecko",
      "stocky",
      "sku sync",
    ],
  ],
  [
    "marketing",
    [
      "klaviyo",
      "mailchimp",
      "hubspot",
      "omnisend",
      "activecampaign",
      "braze",
      "attentive",
      "marketo",
      "iterable",
      "sendgrid marketing",
      "marketing",
      "email campaign",
      "newsletter",
      "crm",
      "segment",
    ],
  ],
];

const WEIGHTS = { systemB: 3, systemA: 2, summary: 1 } as const;

export interface ClassifyInput {
  systemA: string;
  systemB: string;
  summary?: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PATTERNS = KEYWORDS.map(
  ([type, words]) =>
    [type, words.map((w) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}([^a-z0-9]|$)`))] as const,
);

function hits(text: string, patterns: readonly RegExp[]): number {
  const lower = text.toLowerCase();
  return patterns.reduce((n, re) => n + (re.test(lower) ? 1 : 0), 0);
}

/** Scores each type by keyword hits, weighted by where they appear; "other" when nothing matches. */
export function classifyIntegration(input: ClassifyInput): IntegrationType {
  let best: IntegrationType = "other";
  let bestScore = 0;
  for (const [type, patterns] of PATTERNS) {
    const score =
      WEIGHTS.systemB * hits(input.systemB, patterns) +
      WEIGHTS.systemA * hits(input.systemA, patterns) +
      WEIGHTS.summary * hits(input.summary ?? "", patterns);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}
