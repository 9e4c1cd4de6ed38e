const PER_MONTH: Readonly<Record<string, number>> = {
  hour: 24 * 30,
  day: 30,
  week: 52 / 12,
  month: 1,
  year: 1 / 12,
};

const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1_000, m: 1_000_000 };

/** "3,000", "2.5k", then up to three words ("orders", "new customers"), then "a/per/each day" or "/day". */
const RATE =
  /(\d[\d,]*(?:\.\d+)?)\s*(k|m)?\b\s*(?:[a-z-]+\s*){0,3}?(?:\b(?:a|an|per|each|every)\b|\/)\s*(hour|day|week|month|year)\b/i;

/**
 * Records a month from how people describe volume: "500 orders a day, 12,000 SKUs" → 15,000.
 * Only a number tied to a period counts; "12,000 SKUs" alone says nothing about throughput.
 */
export function parseMonthlyVolume(text: string | null): number | null {
  if (!text) return null;
  const match = RATE.exec(text.replace(/\s+/g, " "));
  if (!match) return null;
  const [, digits = "", suffix = "", period = ""] = match;
  const amount = Number(digits.replace(/,/g, "")) * (MULTIPLIERS[suffix.toLowerCase()] ?? 1);
  return Math.round(amount * (PER_MONTH[period.toLowerCase()] ?? 1));
}
