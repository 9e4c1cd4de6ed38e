import { type SystemNames, withSystemNames } from "../text.js";
import type { Questionnaire, QuestionnaireSection } from "./question-types.js";

/**
 * Finds the section a person means: "4", "section 4", "api", "API capabilities", "risks", "Shopify".
 * Case and punctuation do not matter. An exact name wins over a name that starts with the query, which
 * wins over a name whose words start with the query's words; ties go to the earlier section.
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

export function findSection(
  questionnaire: Questionnaire,
  query: string,
  systems?: SystemNames,
): FoundSection | undefined {
  const wanted = normalize(query).replace(/^section /, "");
  if (wanted === "") return undefined;
  if (/^\d+$/.test(wanted)) {
    const index = Number(wanted) - 1;
    const section = questionnaire.sections[index];
    return section ? { section, index } : undefined;
  }
  let best: FoundSection | undefined;
  let bestStrength = 0;
  for (const [index, section] of questionnaire.sections.entries()) {
    const strength = Math.max(...namesOf(section, systems).map((name) => matchStrength(wanted, name)));
    if (strength > bestStrength) {
      best = { section, index };
      bestStrength = strength;
    }
  }
  return best;
}
