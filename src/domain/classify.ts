import { readList, readText } from "./analysis/read-answers.js";
import { INTEGRATION_TYPE_LABELS, type IntegrationType } from "./integration-type.js";
import type { Answers } from "./questionnaire/answers.js";

/**
 * Deterministic detection of a project's integration types from what is to be done (workflows, objectives,
 * summary, pain points) and, less, from the two systems' names: NetSuite → Shopify with a stock-level sync
 * is inventory work although NetSuite is an ERP. Every type with enough evidence in what is done is kept,
 * the strongest first; only when nothing described names a type do the system names decide.
 */

type TypedKind = Exclude<IntegrationType, "other">;

/** Words in a system's name that say what kind of system it is (vendors, and words like "ERP" or "3PL"). */
const SYSTEM_WORDS: ReadonlyArray<[TypedKind, readonly string[]]> = [
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
      "marketing",
      "newsletter",
      "crm",
      "segment",
    ],
  ],
];

/** What a sentence about the work mentions (`says`), by type; the first pattern found in a sentence names it. */
const WORK_PATTERNS: ReadonlyArray<[TypedKind, ReadonlyArray<{ says: string; re: RegExp }>]> = [
  [
    "accounting",
    [
      { says: "invoices", re: /\binvoic(e|es|ed|ing)\b/ },
      { says: "sales receipts", re: /\b(sales|refund) receipts?\b/ },
      { says: "order posting", re: /\bpost(s|ed|ing)?( \S+){0,3} (orders?|sales|invoices?|payments?)\b/ },
      { says: "order posting", re: /\b(order|sales) posting\b/ },
      { says: "payouts", re: /\bpayouts?\b/ },
      { says: "bank deposits", re: /\bbank deposits?\b/ },
      { says: "the books", re: /\b(the books|bookkeeping|journal entr(y|ies)|general ledger|ledger)\b/ },
      { says: "month-end close", re: /\bmonth-end( close)?\b/ },
      { says: "accounting", re: /\baccounting\b/ },
      { says: "tax", re: /\btax(es)?\b/ },
      { says: "accounts payable or receivable", re: /\baccounts (payable|receivable)\b/ },
    ],
  ],
  [
    "pos",
    [
      { says: "point-of-sale sales", re: /\b(point[- ]of[- ]sale|pos)\b/ },
      { says: "in-store sales", re: /\bin[- ]store\b|\bretail stores?\b/ },
      { says: "tills and registers", re: /\b(tills?|cash registers?)\b/ },
      { says: "end-of-day totals", re: /\bend[- ]of[- ]day\b/ },
    ],
  ],
  [
    "fulfillment",
    [
      { says: "fulfillment", re: /\bfulfil(l)?(ment|ments|led|s)?\b/ },
      { says: "shipping", re: /\bship(s|ped|ping|ment|ments)?\b/ },
      { says: "tracking numbers", re: /\btracking\b/ },
      { says: "shipping labels", re: /\blabels?\b/ },
      { says: "carriers", re: /\bcarriers?\b/ },
      { says: "pick and pack", re: /\bpick(ing)?,? (and|&) pack(ing)?\b/ },
      { says: "returns", re: /\b(returns processing|return labels?|rmas?)\b/ },
    ],
  ],
  [
    "inventory",
    [
      { says: "stock levels", re: /\b(stock|stock levels?|in stock|out of stock|restock\w*)\b/ },
      { says: "inventory", re: /\binventory\b/ },
      { says: "overselling", re: /\boversell\w*\b/ },
      { says: "stock quantities", re: /\b(on[- ]hand|available quantit(y|ies)|quantit(y|ies) on hand)\b/ },
      { says: "warehouses", re: /\bwarehouses?\b/ },
      { says: "replenishment", re: /\b(replenish\w*|reorder\w*|purchase orders?|backorder\w*)\b/ },
    ],
  ],
  [
    "marketing",
    [
      { says: "marketing", re: /\bmarketing\b/ },
      { says: "email campaigns", re: /\b(campaigns?|newsletters?)\b/ },
      {
        says: "marketing flows",
        re: /\b(post-purchase|win-back|winback|abandoned[- ]cart|welcome) (flows?|emails?|series)\b/,
      },
      { says: "segments", re: /\bsegment(s|ation|ed)?\b/ },
      { says: "consent", re: /\b(consent|opt[- ]?ins?|opt[- ]?outs?|unsubscrib\w*|subscribes?)\b/ },
      { says: "customer profiles", re: /\b(customer )?profiles?\b/ },
    ],
  ],
];

/** Where what is to be done is written, and how much a mention there weighs. */
const WORK_SOURCES = [
  { key: "workflows", name: "the workflows mention", weight: 3 },
  { key: "objectives", name: "the business objectives mention", weight: 2 },
  { key: "summary", name: "the summary mentions", weight: 2 },
  { key: "painPoints", name: "the pain points mention", weight: 1 },
] as const;

/** A type needs this much weight in what is done (one workflow, objective or summary), and a third of the top's. */
const ENOUGH_EVIDENCE = 2;
const SHARE_OF_STRONGEST = 1 / 3;
const SYSTEM_WEIGHTS = { systemB: 2, systemA: 1 } as const;
const QUOTE_LENGTH = 80;

export interface ClassifyInput {
  systemA: string;
  systemB: string;
  /** The summary typed at creation. */
  summary?: string | null;
  /** The interview's summary of the integration. */
  executiveSummary?: string | null;
  /** What is to be done, from the interview (nothing yet at `/intplan new`). */
  workflows?: readonly string[];
  objectives?: readonly string[];
  painPoints?: readonly string[];
}

export interface Classification {
  /** At least one; the strongest first. ["other"] when nothing points to a type with a plan block. */
  types: IntegrationType[];
  /** Why, for the documents: "Inventory: the workflows mention stock levels ('Sync stock levels …')". */
  reason: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SYSTEM_PATTERNS = SYSTEM_WORDS.map(
  ([type, words]) =>
    [type, words.map((w) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}([^a-z0-9]|$)`))] as const,
);
const TYPE_ORDER = SYSTEM_WORDS.map(([type]) => type);

const systemHits = (name: string, patterns: readonly RegExp[]) =>
  patterns.reduce((n, re) => n + (re.test(name.toLowerCase()) ? 1 : 0), 0);

const quote = (text: string) =>
  text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : text;

interface Evidence {
  score: number;
  /** The heaviest mention: where, what it says, and the sentence. */
  best: { weight: number; source: string; says: string; text: string } | null;
}

function workEvidence(input: ClassifyInput): Map<TypedKind, Evidence> {
  const texts: Record<(typeof WORK_SOURCES)[number]["key"], readonly string[]> = {
    workflows: input.workflows ?? [],
    objectives: input.objectives ?? [],
    summary: [input.executiveSummary, input.summary].filter((s): s is string => !!s?.trim()),
    painPoints: input.painPoints ?? [],
  };
  const evidence = new Map<TypedKind, Evidence>(TYPE_ORDER.map((t) => [t, { score: 0, best: null }]));
  for (const source of WORK_SOURCES) {
    for (const text of texts[source.key]) {
      const lower = text.toLowerCase();
      for (const [type, patterns] of WORK_PATTERNS) {
        const found = patterns.find((p) => p.re.test(lower));
        if (!found) continue;
        const e = evidence.get(type) as Evidence;
        e.score += source.weight;
        if (!e.best || source.weight > e.best.weight) {
          e.best = { weight: source.weight, source: source.name, says: found.says, text };
        }
      }
    }
  }
  return evidence;
}

function systemScore(input: ClassifyInput, patterns: readonly RegExp[]): number {
  return (
    SYSTEM_WEIGHTS.systemB * systemHits(input.systemB, patterns) +
    SYSTEM_WEIGHTS.systemA * systemHits(input.systemA, patterns)
  );
}

/** The project's types and why, from what is to be done first and the system names second. */
export function classifyProject(input: ClassifyInput): Classification {
  const work = workEvidence(input);
  const systems = new Map(SYSTEM_PATTERNS.map(([type, patterns]) => [type, systemScore(input, patterns)]));
  const strongest = Math.max(...[...work.values()].map((e) => e.score));
  const byStrength = (a: TypedKind, b: TypedKind) =>
    (work.get(b)?.score ?? 0) - (work.get(a)?.score ?? 0) ||
    (systems.get(b) ?? 0) - (systems.get(a) ?? 0) ||
    TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b);
  const fromWork = TYPE_ORDER.filter((type) => {
    const score = work.get(type)?.score ?? 0;
    return score >= ENOUGH_EVIDENCE && score >= strongest * SHARE_OF_STRONGEST;
  }).sort(byStrength);
  if (fromWork.length > 0) {
    return {
      types: fromWork,
      reason: fromWork
        .map((type) => {
          const best = work.get(type)?.best;
          return best
            ? `${INTEGRATION_TYPE_LABELS[type]}: ${best.source} ${best.says} ('${quote(best.text)}')`
            : INTEGRATION_TYPE_LABELS[type];
        })
        .join("; "),
    };
  }
  const bySystem = [...TYPE_ORDER].sort(
    (a, b) => (systems.get(b) ?? 0) - (systems.get(a) ?? 0) || byStrength(a, b),
  )[0] as TypedKind;
  if ((systems.get(bySystem) ?? 0) > 0) {
    const [side, name] =
      systemHits(input.systemB, SYSTEM_PATTERNS[TYPE_ORDER.indexOf(bySystem)]?.[1] ?? []) > 0
        ? ["target", input.systemB]
        : ["source", input.systemA];
    return {
      types: [bySystem],
      reason: `${INTEGRATION_TYPE_LABELS[bySystem]}: from the ${side} system's name ('${quote(name)}'); nothing described about the work names a type yet`,
    };
  }
  return {
    types: ["other"],
    reason: `${INTEGRATION_TYPE_LABELS.other}: neither the systems nor the work described point to a type with features of its own`,
  };
}

/** The classifier's input from a project and its interview answers (by question id). */
export function classifyAnswers(
  project: { systemA: string; systemB: string; summary: string | null },
  answers: Answers,
): Classification {
  return classifyProject({
    systemA: project.systemA,
    systemB: project.systemB,
    summary: project.summary,
    executiveSummary: readText(answers, "executive_summary"),
    workflows: readList(answers, "workflows"),
    objectives: readList(answers, "business_objectives"),
    painPoints: readList(answers, "pain_points"),
  });
}
