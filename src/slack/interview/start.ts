import { latestDraftSection, loadAnswers } from "../../db/answers.js";
import type { ProjectRow } from "../../db/schema.js";
import type { AppDeps } from "../../deps.js";
import type { Answers } from "../../domain/questionnaire/answers.js";
import { getQuestionnaire } from "../../domain/questionnaire/definition.js";
import { findSection } from "../../domain/questionnaire/find-section.js";
import { firstUnfinishedSection } from "../../domain/questionnaire/progress.js";
import { truncateText, withSystemNames } from "../../domain/text.js";
import { SUMMARY } from "./session.js";

export type StartSection = { ok: true; sectionIndex: number } | { ok: false; error: string };

/**
 * Where `/intplan interview [section]` opens: the named section; else where someone left off (a section
 * closed midway); else the first unfinished section; else the summary.
 */
export function resolveStartSection(deps: AppDeps, project: ProjectRow, query: string | null): StartSection {
  const questionnaire = getQuestionnaire(project.questionnaireVersion);
  if (query) {
    const found = findSection(questionnaire, query, project);
    if (found) return { ok: true, sectionIndex: found.index };
    const list = questionnaire.sections
      .map((s, i) => `${i + 1}. ${withSystemNames(s.title, project)}`)
      .join("\n");
    return {
      ok: false,
      error: `No section matches "${truncateText(query, 80)}". The sections are:\n${list}`,
    };
  }
  const leftOff = latestDraftSection(deps.db, project.id);
  const leftOffIndex = questionnaire.sections.findIndex((s) => s.id === leftOff);
  if (leftOffIndex >= 0) return { ok: true, sectionIndex: leftOffIndex };
  const next = firstUnfinishedSection(questionnaire, loadAnswers(deps.db, project.id) as Answers);
  return { ok: true, sectionIndex: next ?? SUMMARY };
}
