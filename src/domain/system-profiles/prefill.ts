import type { AnswerSource } from "../questionnaire/answer-source.js";
import type { AnswerValue } from "../questionnaire/answers.js";
import type { QuestionnaireSection } from "../questionnaire/definition.js";
import { findSystemProfile } from "./match.js";
import { PROFILE_FACTS, type ProfileFactId, type SystemProfile } from "./profile-types.js";

/**
 * What a system's API section offers from the system's profile: for each of its questions that has no
 * answer yet, the profile's value and where it comes from. Nothing for other sections, for systems with
 * no profile, or for questions already answered (or typed in a draft).
 */
export interface SectionPrefill {
  profile: SystemProfile;
  systemName: string;
  /** By question id: the offered value. */
  values: Record<string, AnswerValue>;
  /** By question id: the source an answer kept as offered is saved with. */
  sources: Record<string, AnswerSource & { from: "profile" }>;
}

const API_SECTION = /^system_([ab])_api$/;

export function sectionPrefill(
  section: QuestionnaireSection,
  systems: { systemA: string; systemB: string },
  /** Question ids that already hold something (an answer or draft text): never offered over. */
  filled: ReadonlySet<string>,
): SectionPrefill | undefined {
  const side = API_SECTION.exec(section.id)?.[1];
  if (!side) return undefined;
  const systemName = side === "a" ? systems.systemA : systems.systemB;
  const profile = findSystemProfile(systemName);
  if (!profile) return undefined;
  const values: Record<string, AnswerValue> = {};
  const sources: SectionPrefill["sources"] = {};
  const questionIds = new Set(section.questions.map((q) => q.id));
  for (const factId of PROFILE_FACTS) {
    const fact = profile.facts[factId as ProfileFactId];
    const questionId = `system_${side}_${factId}`;
    if (!fact || !questionIds.has(questionId) || filled.has(questionId)) continue;
    values[questionId] = typeof fact.value === "string" ? fact.value : [...fact.value];
    sources[questionId] = {
      from: "profile",
      profileId: profile.id,
      systemName: profile.name,
      url: fact.url,
      checkedOn: fact.checkedOn,
    };
  }
  if (Object.keys(values).length === 0) return undefined;
  return { profile, systemName, values, sources };
}
