import type { SystemProfile } from "./profile-types.js";
import { SYSTEM_PROFILES } from "./profiles.js";

/**
 * Finds the profile a project's system name means, tolerantly: case, spaces and punctuation do not matter
 * ("quickbooks-online", "Quick Books Online"), an alias may sit among other words ("NetSuite ERP",
 * "our Shopify store"), and the longest alias wins, so "Shopify Plus" is Shopify Plus, not Shopify.
 */

const words = (text: string): string[] =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Whether `needle`'s words appear in `hay` in a row; also matched with the spaces taken out. */
function contains(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  const joined = needle.join("");
  for (let start = 0; start < hay.length; start++) {
    let glued = "";
    for (let end = start; end < hay.length && glued.length < joined.length; end++) {
      glued += hay[end];
      if (glued === joined) return true;
    }
  }
  return false;
}

export function findSystemProfile(
  systemName: string | null | undefined,
  profiles: readonly SystemProfile[] = SYSTEM_PROFILES,
): SystemProfile | undefined {
  if (!systemName) return undefined;
  const hay = words(systemName);
  let best: { profile: SystemProfile; length: number } | undefined;
  for (const profile of profiles) {
    if (profile.notWith?.some((word) => hay.includes(word))) continue;
    for (const alias of [profile.name, ...profile.aliases]) {
      const needle = words(alias);
      const length = needle.join("").length;
      if (contains(hay, needle) && (!best || length > best.length)) best = { profile, length };
    }
  }
  return best?.profile;
}
