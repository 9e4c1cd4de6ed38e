import { readFileSync } from "node:fs";
import { parseAnswersFile } from "../src/documents/answers-file.js";
import type { DocumentBlocker, DocumentInput } from "../src/documents/render-input.js";
import { createDocumentRenderer } from "../src/documents/renderer.js";
import { COMPANION_KINDS, type CompanionKind } from "../src/domain/document-kinds.js";
import type { TableRow } from "../src/domain/questionnaire/answers.js";
import { TEMPLATES_DIR } from "../src/paths.js";
import { medianTime } from "./stats.js";

/** A fully answered project: every question of the questionnaire has an answer. */
export const FULLY_ANSWERED_EXAMPLE = new URL(
  "../examples/shopify-quickbooks-accounting.json",
  import.meta.url,
);

export interface RenderCase {
  /** Open blockers and risk rows added to the example (0: the example as it is). */
  size: number;
  planMs: number;
  discoveryMs: number;
  planChars: number;
  discoveryChars: number;
  /** The slowest of the five companion documents (SOW, specifications, test cases, runbook, playbook). */
  slowestCompanion: { kind: CompanionKind; ms: number };
  samples: number;
}

/** The example with `size` open blockers and its risks table grown to `size` rows (the example's own first). */
export function growProject(base: DocumentInput, size: number): DocumentInput {
  if (size === 0) return base;
  const risks = base.answers.risks as TableRow[];
  const grownRisks = Array.from({ length: size }, (_, i): TableRow => {
    const like = risks[i % risks.length] as TableRow;
    return i < risks.length ? like : { ...like, risk: `Risk ${i + 1}: ${like.risk}` };
  });
  const blockers: DocumentBlocker[] = Array.from({ length: size }, (_, i) => ({
    id: i + 1,
    text: `Blocker ${i + 1}: sandbox credentials for the ledger are still missing`,
    ownerId: i % 2 === 0 ? "U04LEAD0001" : null,
    waitingOnClient: i % 3 === 0,
    createdAt: new Date(Date.UTC(2025, 8, 2, 9, i % 60)),
  }));
  return { ...base, answers: { ...base.answers, risks: grownRisks }, blockers };
}

/**
 * Median time to render the Implementation Plan, the Discovery Document and each companion document (the
 * slowest of the five is kept) with the renderer the app uses
 * (templates compiled once; the first renders, which compile them to code, are warm-up and not counted).
 */
export async function measureRendering(options: {
  sizes: readonly number[];
  iterations: number;
  budgetMsPerCase: number;
}): Promise<RenderCase[]> {
  const renderer = createDocumentRenderer({
    templatesDir: TEMPLATES_DIR,
    now: () => new Date("2025-09-15T09:30:00Z"),
  });
  const base = parseAnswersFile(JSON.parse(readFileSync(FULLY_ANSWERED_EXAMPLE, "utf8")));
  const bounds = { iterations: options.iterations, budgetMs: options.budgetMsPerCase };
  const cases: RenderCase[] = [];
  for (const size of options.sizes) {
    const input = growProject(base, size);
    const plan = await medianTime(() => renderer.renderPlan(input), bounds);
    const discovery = await medianTime(() => renderer.renderDiscovery(input), bounds);
    let slowestCompanion = { kind: COMPANION_KINDS[0] as CompanionKind, ms: 0 };
    for (const kind of COMPANION_KINDS) {
      const { medianMs } = await medianTime(() => renderer.render(kind, input), bounds);
      if (medianMs > slowestCompanion.ms) slowestCompanion = { kind, ms: medianMs };
    }
    cases.push({
      size,
      planMs: plan.medianMs,
      discoveryMs: discovery.medianMs,
      planChars: renderer.renderPlan(input).length,
      discoveryChars: renderer.renderDiscovery(input).length,
      slowestCompanion,
      samples: Math.min(plan.samples, discovery.samples),
    });
  }
  return cases;
}
