import { INTEGRATION_TYPE_LABELS, type IntegrationType } from "../domain/integration-type.js";
import { PHASES } from "../domain/phases.js";
import type { DocumentInput } from "./render-input.js";
import type { ChecklistItemState } from "./template-helpers.js";

/** Every task and exit criterion of the five phases, in the plan's order. */
export const CHECKLIST_ENTRIES = PHASES.flatMap((p) => [...p.tasks, ...p.exitCriteria]);

const typeNames = (types: readonly IntegrationType[] | undefined) =>
  types ? types.map((t) => INTEGRATION_TYPE_LABELS[t]).join(" or ") : null;

/**
 * Every checklist entry's state, by its key: as stored, or, for an answers file (no stored checklist), as a
 * new project's: the type-specific tasks suggested, ticked as the file says. The plan shows it
 * (`{{#item checklist.[key]}}`), the Statement of Work reads its scope from it and the Deployment Runbook
 * which of its checks are done.
 */
export function checklistStates(input: DocumentInput): Record<string, ChecklistItemState> {
  const stored = new Map((input.checklist ?? []).map((i) => [i.key, i]));
  const ticked = new Set(input.ticked ?? []);
  return Object.fromEntries(
    CHECKLIST_ENTRIES.map((entry) => {
      const row = stored.get(entry.key);
      const state: ChecklistItemState = {
        done: row ? row.done : ticked.has(entry.key),
        scope: row ? row.scope : entry.types ? "suggested" : "in",
        scopedBy: row?.scopedBy ?? null,
        scopedAt: row?.scopedAt ?? null,
        suggestedFor: typeNames(entry.types),
      };
      return [entry.key, state];
    }),
  );
}
