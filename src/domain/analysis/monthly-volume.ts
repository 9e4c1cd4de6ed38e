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

/** A number without a period, for a peak clause that borrows the usual rate's period ("1,800 at peak"). */
const AMOUNT = /(\d[\d,]*(?:\.\d+)?)\s*(k|m)?\b/i;

/** Words that make a rate a peak, not the usual throughput: a month's total is never read from these. */
const PEAK_WORDS =
  /\b(peak|peaks|black friday|cyber monday|busiest|busy season|at most|max(imum)?|highest|spikes?|christmas|holidays?|december|sale days?)\b/i;

export type VolumePeriod = "hour" | "day" | "week" | "month" | "year";

export interface VolumeRate {
  amount: number;
  per: VolumePeriod;
}

/** How a volume text was read: the usual rate (and what it makes a month) and, apart, a peak rate. */
export interface VolumeReading {
  usual: VolumeRate | null;
  peak: VolumeRate | null;
  /** Records a month from the usual rate; null when only a peak (or nothing) gives a number per period. */
  perMonth: number | null;
}

const amountOf = (digits: string, suffix: string) =>
  Number(digits.replace(/,/g, "")) * (MULTIPLIERS[suffix.toLowerCase()] ?? 1);

/**
 * Reads "450 orders a day, 1,800 at Black Friday peak": each clause (split at commas, semicolons and
 * "and") is a rate; a clause that names a peak is the peak rate, and a peak without its own period borrows
 * the usual one's. "12,000 SKUs" alone says nothing about throughput.
 */
export function readVolume(text: string | null): VolumeReading {
  const reading: VolumeReading = { usual: null, peak: null, perMonth: null };
  if (!text) return reading;
  const clauses = text
    .replace(/\s+/g, " ")
    .split(/,(?!\d)|[;(]|\band\b|\bbut\b|\bwith\b/i)
    .filter((c) => c.trim() !== "");
  const pendingPeaks: number[] = [];
  for (const clause of clauses) {
    const isPeak = PEAK_WORDS.test(clause);
    const rate = RATE.exec(clause);
    if (rate) {
      const [, digits = "", suffix = "", period = ""] = rate;
      const found = { amount: amountOf(digits, suffix), per: period.toLowerCase() as VolumePeriod };
      if (isPeak) reading.peak ??= found;
      else reading.usual ??= found;
    } else if (isPeak) {
      const amount = AMOUNT.exec(clause);
      if (amount) pendingPeaks.push(amountOf(amount[1] ?? "", amount[2] ?? ""));
    }
  }
  const borrowed = pendingPeaks[0];
  if (reading.peak === null && borrowed !== undefined && reading.usual)
    reading.peak = { amount: borrowed, per: reading.usual.per };
  if (reading.usual)
    reading.perMonth = Math.round(reading.usual.amount * (PER_MONTH[reading.usual.per] ?? 1));
  return reading;
}

/** Records a month from how people describe volume: "500 orders a day, 12,000 SKUs" → 15,000. */
export function parseMonthlyVolume(text: string | null): number | null {
  return readVolume(text).perMonth;
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const rateText = (rate: VolumeRate) =>
  `${count(rate.amount)} ${rate.per === "hour" ? "an" : "a"} ${rate.per}`;

/** "read as about 13,500 records a month (450 a day), peak 1,800 a day", or null when nothing was read. */
export function describeVolume(reading: VolumeReading): string | null {
  const { usual, peak, perMonth } = reading;
  if (usual === null || perMonth === null)
    return peak ? `no usual rate given, only a peak of ${rateText(peak)}` : null;
  const month =
    usual.per === "month"
      ? `read as ${count(perMonth)} records a month`
      : `read as about ${count(perMonth)} records a month (${rateText(usual)})`;
  return peak ? `${month}, peak ${rateText(peak)}` : month;
}
