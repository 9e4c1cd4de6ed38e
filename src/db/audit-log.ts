import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DocumentKind, PublicationTarget } from "../domain/document-kinds.js";
import type { IntegrationType } from "../domain/integration-type.js";
import type { PhaseStatus } from "../domain/phases.js";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import type { NudgeKind } from "../domain/reminders/nudges.js";
import type { ReminderSettings } from "../domain/reminders/settings.js";
import type { DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { auditLog } from "./schema.js";

/**
 * Every kind of change the audit log records, with the details it keeps. Writing takes only these; reading
 * stays tolerant (`AuditRow.action` is a string), since the log outlives the code that wrote each row.
 */
type AuditEvent =
  | {
      /**
       * The project moved to another questionnaire version (`/intplan questionnaire upgrade`): what was
       * reshaped, with its previous value, and everything not carried over, with its value, so nothing typed
       * is lost.
       */
      action: "questionnaire.moved";
      details: {
        from: number;
        to: number;
        kept: number;
        reshaped: { question: string; previous: AnswerValue | null; value: AnswerValue }[];
        notCarried: { question: string; label: string; value: AnswerValue; reason: string }[];
        /** Draft input (typed, not saved) of questions the new version does not ask in that section. */
        draftsDropped: { section: string; question: string; raw: unknown }[];
      };
    }
  | {
      action: "project.created";
      details: { code: string; name: string; integrationType: IntegrationType };
    }
  | {
      action: "answer.saved" | "answer.cleared";
      details: { section: string; question: string; previous: AnswerValue | null; value: AnswerValue | null };
    }
  | {
      /** `/intplan import`: the answers one file filled, saved together. */
      action: "answers.imported";
      details: {
        fileName: string;
        /** Question ids saved from the file. */
        questions: string[];
        imported: number;
        /** Existing answers the person kept instead of the file's. */
        kept: number;
        /** Parts of the file that could not be placed. */
        unplaced: number;
      };
    }
  | {
      action: "phase.changed";
      details: {
        phase: number;
        name: string;
        from: PhaseStatus;
        to: PhaseStatus;
        note: string | null;
        signedOff?: true;
        openExitCriteria?: string[];
      };
    }
  | {
      action: "phase.owner-set";
      /** `owner: null`: back to the owner the team gives the phase. */
      details: { phase: number; name: string; previousOwner: string | null; owner: string | null };
    }
  | {
      action: "project.edited";
      /** Each basic that changed, as it was and as it is now. */
      details: { changes: { field: string; from: unknown; to: unknown }[] };
    }
  | {
      action: "blocker.added";
      details: {
        number: number;
        text: string;
        owner: string | null;
        waitingOnClient: boolean;
        source?: string;
      };
    }
  | { action: "blocker.resolved"; details: { number: number; text: string; note: string | null } }
  | {
      action: "checklist.updated";
      details: {
        ticked: string[];
        unticked: string[];
        confirmed?: string[];
        outOfScope?: string[];
        backInScope?: string[];
      };
    }
  | {
      /** The type-specific tasks followed the project's types: suggestions added, untouched ones withdrawn. */
      action: "checklist.types-followed";
      details: { types: IntegrationType[]; added: string[]; removed: string[] };
    }
  | {
      /** An auto-detected project's types changed with its answers. */
      action: "project.types-detected";
      details: { previous: IntegrationType[]; types: IntegrationType[]; reason: string };
    }
  | {
      action: "section.edited";
      details: {
        document: DocumentKind;
        heading: string;
        /** The text the section had before (generated, or an earlier edit's). */
        previous: string;
        text: string;
        /** `###` edits inside this `##` section whose wording is now part of its text (and were removed). */
        folded?: string[];
      };
    }
  | {
      action: "section.reverted";
      details: {
        document: DocumentKind;
        heading: string;
        /** The PM's text that was removed. */
        text: string;
        /** The section was not in the document any more when its edit was removed. */
        orphaned: boolean;
      };
    }
  | {
      /** `/intplan ask`: a person asked for questionnaire sections (their ids), with the PM's note. */
      action: "ask.sent";
      details: { person: string; sections: string[]; note: string | null };
    }
  | {
      /** Asks closed: answered (the section saved) or cancelled (`/intplan ask cancel`). */
      action: "ask.answered" | "ask.cancelled";
      details: { person: string; sections: string[] };
    }
  | {
      /**
       * A nudge snoozed (`until`, an ISO instant) or dismissed, by the person it reached or anyone in the
       * channel; `item` is its ledger key (domain/reminders/nudges.ts) and `label` what it was about.
       */
      action: "nudge.snoozed" | "nudge.dismissed";
      details: { kind: NudgeKind; item: string; label: string; until?: string };
    }
  | {
      /** `/intplan settings` saved: the settings before and after (each whole, as stored). */
      action: "settings.changed";
      details: { before: ReminderSettings; after: ReminderSettings };
    }
  | {
      action: "document.frozen";
      details: { document: DocumentKind; number: number; label: string | null };
    }
  | {
      action: "document.published";
      details: {
        document: DocumentKind;
        version: number;
        /** Document Control's version it shows (publishes a person asked for). */
        revision?: number;
        target: PublicationTarget;
        id: string;
        hash: string;
      };
    };

export type AuditEntry = AuditEvent & {
  projectId: number;
  actorId: string;
  at: Date;
};

const insertAudit = perDatabase((db) =>
  db
    .insert(auditLog)
    .values({
      projectId: sql.placeholder("projectId"),
      actorId: sql.placeholder("actorId"),
      action: sql.placeholder("action"),
      details: sql.placeholder("details"),
      at: sql.placeholder("at"),
    })
    .prepare(),
);

/** Call inside the transaction that makes the change it records. */
export function recordAudit(tx: DbOrTx, entry: AuditEntry): void {
  insertAudit(tx).run(entry);
}

export function listAudit(db: DbOrTx, projectId: number, options: { limit: number; offset: number }) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.projectId, projectId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit)
    .offset(options.offset)
    .all();
}

/** A span of the audit log: from `since` (included) to `until` (excluded). */
export interface AuditWindow {
  since: Date;
  until: Date;
}

const inWindow = (projectId: number, window: AuditWindow) =>
  and(eq(auditLog.projectId, projectId), gte(auditLog.at, window.since), lt(auditLog.at, window.until));

/** How many rows of each action the project's log has in `window` (for the weekly digest's counts). */
export function countAuditByAction(
  db: DbOrTx,
  projectId: number,
  window: AuditWindow,
): { action: string; count: number }[] {
  return db
    .select({ action: auditLog.action, count: sql<number>`count(*)` })
    .from(auditLog)
    .where(inWindow(projectId, window))
    .groupBy(auditLog.action)
    .all();
}

/** The rows of these actions in `window`, oldest first, at most `limit` (the newest ones, when more). */
export function listAuditOfActions(
  db: DbOrTx,
  projectId: number,
  args: AuditWindow & { actions: readonly string[]; limit: number },
) {
  const newest = db
    .select()
    .from(auditLog)
    .where(and(inWindow(projectId, args), inArray(auditLog.action, [...args.actions])))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(args.limit)
    .all();
  return newest.reverse();
}
