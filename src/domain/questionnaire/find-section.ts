import { type SystemNames, withSystemNames } from "../text.js";
import type { Questionnaire, QuestionnaireSection } from "./question-types.js";

/**
 * Finds the section a person means: "4", "section 4", "target api", "risks", "Shopify".
 * Case and punctuation do not matter. An exact name wins over a name that starts with the query, which
 * wins over a name whose words start with the query's words. When two sections match equally well ("api"
 * names both systems' API sections), nothing is picked: the person is asked which they meant.
 */

export interface FoundSection {
  section: QuestionnaireSection;
  /** 0-based position in the questionnaire. */
  index: number;
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** 3 = exact, 2 = prefix, 1 = every query word starts a word of the name, 0 = no match. */
function matchStrength(query: string, name: string): number {
  if (name === query) return 3;
  if (name.startsWith(query)) return 2;
  const words = name.split(" ");
  return query.split(" ").every((q) => words.some((w) => w.startsWith(q))) ? 1 : 0;
}

function namesOf(section: QuestionnaireSection, systems?: SystemNames): string[] {
  const title = systems ? withSystemNames(section.title, systems) : section.title;
  return [title, section.id.replaceAll("_", " "), ...(section.aliases ?? [])].map(normalize);
}

export type SectionMatch =
  | ({ kind: "found" } & FoundSection)
  /** Two or more sections match equally well, in questionnaire order. */
  | { kind: "ambiguous"; candidates: FoundSection[] }
  | { kind: "none" };

export function findSection(
  questionnaire: Questionnaire,
  query: string,
  systems?: SystemNames,
): SectionMatch {
  const wanted = normalize(query).replace(/^section /, "");
  if (wanted === "") return { kind: "none" };
  if (/^\d+$/.test(wanted)) {
    const index = Number(wanted) - 1;
    const section = questionnaire.sections[index];
    return section ? { kind: "found", section, index } : { kind: "none" };
  }
  let best: FoundSection[] = [];
  let bestStrength = 0;
  for (const [index, section] of questionnaire.sections.entries()) {
    const strength = Math.max(...namesOf(section, systems).map((name) => matchStrength(wanted, name)));
    if (strength === 0 || strength < bestStrength) continue;
    if (strength > bestStrength) best = [];
    best.push({ section, index });
    bestStrength = strength;
  }
  const [only, ...others] = best;
  if (!only) return { kind: "none" };
  return others.length === 0 ? { kind: "found", ...only } : { kind: "ambiguous", candidates: best };
}
