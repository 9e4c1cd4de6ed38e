import type { AnswerSource } from "../questionnaire/answer-source.js";

/**
 * How the interview and the documents word a profile's source: "Shopify's documentation, checked
 * 2 Dec 2026". Plain words; each surface adds its own link markup.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-02" → "2 Dec 2026" (the day as written, no time zone involved). */
export function checkedOnLabel(isoDay: string): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  return name && year && day ? `${day} ${name} ${year}` : isoDay;
}

export type ProfileSource = Extract<AnswerSource, { from: "profile" }>;

export const isProfileSource = (source: AnswerSource | null | undefined): source is ProfileSource =>
  source?.from === "profile";

/** "Shopify's documentation" */
export const vendorDocs = (source: ProfileSource): string => `${source.systemName}'s documentation`;
