import type { AnswerSource } from "../domain/questionnaire/answer-source.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { checkedOnLabel, isProfileSource, vendorDocs } from "../domain/system-profiles/source-words.js";

/**
 * Where the documents' facts came from, field by field, following the same `feeds` as the answers
 * ("plan.system_a.rate_limit"): a citation where the answer feeding the field was kept as a system
 * profile offered it (the vendor's page and the day it was read), else null. Every fed field is present,
 * so templates compiled in strict mode can ask for any of them: `{{cite sources.system_a.rate_limit}}`.
 */
export interface Citation {
  /** "Shopify's documentation" */
  label: string;
  url: string;
  /** "2 Dec 2026" */
  checked: string;
}

export type SourceTree = { [name: string]: SourceTree | Citation | null };

const citationOf = (source: AnswerSource | undefined): Citation | null =>
  isProfileSource(source)
    ? { label: vendorDocs(source), url: source.url, checked: checkedOnLabel(source.checkedOn) }
    : null;

function setPath(tree: SourceTree, path: readonly string[], citation: Citation | null): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    if (!(head in tree) || tree[head] === null) tree[head] = citation;
    return;
  }
  const child = tree[head];
  if (child !== undefined && (child === null || "url" in child)) return;
  const next: SourceTree = (child as SourceTree | undefined) ?? {};
  tree[head] = next;
  setPath(next, rest, citation);
}

export function buildSourceTree(
  questionnaire: Questionnaire,
  answers: Answers,
  sources: Readonly<Record<string, AnswerSource>> | undefined,
): { plan: SourceTree; discovery: SourceTree } {
  const root: SourceTree = { plan: {}, discovery: {} };
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const citation = answers[question.id] === undefined ? null : citationOf(sources?.[question.id]);
      for (const feed of question.feeds ?? []) setPath(root, feed.split("."), citation);
    }
  }
  return { plan: root.plan as SourceTree, discovery: root.discovery as SourceTree };
}
