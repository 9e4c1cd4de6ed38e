import type { Config } from "./config.js";
import type { DatabaseHealthCheck, Db } from "./db/client.js";
import type { DocumentRenderer } from "./documents/renderer.js";
import type { Questionnaire } from "./domain/questionnaire/definition.js";
import type { ImportFile, ReadImportResult } from "./import/import-proposal.js";
import type { KeyedLock } from "./keyed-lock.js";
import type { AppLogger } from "./logger.js";
import type { PeopleDirectory } from "./services/people-directory.js";

/**
 * What the app is built from: configuration, storage, clock, logger, renderer, locks, timing and names. A leaf:
 * it imports only types, and nothing it imports imports it back. Tests pass a fresh database and a fixed clock.
 */
export interface AppDeps {
  config: Config;
  db: Db;
  /** Whether the database takes a change now (a real write, cached briefly); drives /healthz and refusals. */
  database: DatabaseHealthCheck;
  clock: () => Date;
  logger: AppLogger;
  /** Renders the Implementation Plan and the Discovery Document (templates compiled once, at start). */
  documents: DocumentRenderer;
  /** Serialises work that must not overlap for one key (publishing one project's document). */
  locks: KeyedLock;
  /** Background timing; tests shorten it. */
  timing?: Partial<Timing>;
  /** `/intplan import`'s file readers; src/import/read-import.ts when not given (tests pass a stand-in). */
  readImport?: (
    file: ImportFile,
    target: { questionnaire: Questionnaire; systemA: string; systemB: string },
  ) => Promise<ReadImportResult>;
  /**
   * People's and channels' names for the documents (Slack's users.info and conversations.info, cached).
   * Built by `createApp` from the rest (it needs a Slack client), so the app's callers do not pass it.
   */
  people: PeopleDirectory;
}

/** What `createApp` is given: everything but what it builds itself. */
export type AppInputs = Omit<AppDeps, "people">;

export interface Timing {
  /** How long after a change the canvas and status board are refreshed (a burst makes one refresh). */
  refreshDelayMs: number;
  /**
   * How long after a change the reminders are planned again (`reminders` job): a nudge or digest needs no
   * hurry, and a burst of changes (a busy channel) then plans them once.
   */
  remindersDelayMs: number;
  /** How often the outbox is checked for due work. */
  outboxPollMs: number;
  /** The first retry of failed background work waits this long; each later one twice as long (max 5 min). */
  outboxRetryBaseMs: number;
  /** Failed background work is given up on, with a note in the channel, after this many attempts. */
  outboxMaxAttempts: number;
  /** A Slack call that has not answered in this long is abandoned and retried. */
  slackTimeoutMs: number;
  /** Background jobs of this many projects run at once (never two of one project). */
  outboxConcurrency: number;
}

const DEFAULT_TIMING: Timing = {
  refreshDelayMs: 2000,
  remindersDelayMs: 60_000,
  outboxPollMs: 500,
  outboxRetryBaseMs: 1000,
  outboxMaxAttempts: 8,
  slackTimeoutMs: 10_000,
  outboxConcurrency: 4,
};

/** The app's timing: the defaults with the deps' overrides. */
export const timingOf = (deps: Pick<AppDeps, "timing">): Timing => ({ ...DEFAULT_TIMING, ...deps.timing });
