import type { AnswerValue } from "../../src/domain/questionnaire/answers.js";
import type { ImportFile, ImportProposal, ReadImportResult } from "../../src/import/import-proposal.js";

/**
 * A stand-in for the file readers (src/import/read-import.ts): whatever file it is given, it answers with the
 * proposal the test set, and records the files it read, so a story can drive the Slack flow with a proposal of
 * any size or shape.
 */
export function fakeImportReader(proposal: ImportProposal | ReadImportResult) {
  const read: ImportFile[] = [];
  const reader = async (file: ImportFile): Promise<ReadImportResult> => {
    read.push(file);
    return "ok" in proposal ? proposal : { ok: true, proposal };
  };
  return { reader, read };
}

/** A proposal that answers each question id with its value, from "the file". */
export const proposalOf = (
  values: Record<string, AnswerValue>,
  unplaced: ImportProposal["unplaced"] = [],
): ImportProposal => ({
  format: "discovery-document",
  answers: Object.entries(values).map(([questionId, value]) => ({
    questionId,
    value,
    from: `## ${questionId}`,
  })),
  unplaced,
});
