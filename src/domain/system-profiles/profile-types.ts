/**
 * A well-known system's public API facts, for the interview's "{system} API" section (v1.ts,
 * `systemApiSection`). Every fact names the vendor page it was read from and the day it was read.
 */

/** The API section's questions a profile can answer: `system_a_<fact>` / `system_b_<fact>`. */
export const PROFILE_FACTS = [
  "auth_method",
  "rate_limit",
  "data_formats",
  "sync_modes",
  "webhooks",
  "batch_operations",
  "sla",
  "quirks",
] as const;
export type ProfileFactId = (typeof PROFILE_FACTS)[number];

/**
 * One fact: the value in the question's own terms (an option value for auth_method and webhooks, option
 * values for data_formats and sync_modes, one quirk a line for quirks, short text otherwise), the vendor's
 * page it comes from, and the calendar day (YYYY-MM-DD) it was read there.
 */
export interface ProfileFact {
  value: string | readonly string[];
  url: string;
  checkedOn: string;
}

export interface SystemProfile {
  /** Stable id, kept with answers taken from the profile (answers.source.profileId). */
  id: string;
  /** How documents and the interview name it: "Shopify Plus". */
  name: string;
  /** Other ways people write it; matching ignores case, spaces and punctuation. */
  aliases: readonly string[];
  /** Words that mean another product of the vendor ("QuickBooks Desktop" is not QuickBooks Online). */
  notWith?: readonly string[];
  /** The vendor's domains: every fact's URL is on one of them (checked by a test). */
  domains: readonly string[];
  facts: Partial<Record<ProfileFactId, ProfileFact>>;
}
