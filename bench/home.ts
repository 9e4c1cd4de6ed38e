import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WebClient } from "@slack/web-api";
import { type Db, openDatabase } from "../src/db/client.js";
import { blockers, phases, projects } from "../src/db/schema.js";
import type { PhaseStatus } from "../src/domain/phases.js";
import { publishHome } from "../src/slack/home-publisher.js";
import { medianTime } from "./stats.js";

export interface HomeCase {
  projects: number;
  medianMs: number;
  samples: number;
  /** Blocks in the view built, to show it was a full page. */
  blocks: number;
}

const TEAM = "T0BENCH";
const VIEWER = "U0VIEWER";
const PHASE_STATUSES: readonly PhaseStatus[] = ["done", "done", "in-progress", "not-started", "not-started"];
/** Rows per INSERT, well under SQLite's bound-parameter limit. */
const CHUNK = 400;
const T0 = Date.UTC(2026, 0, 1);

function inChunks<T>(rows: T[], insert: (chunk: T[]) => void): void {
  for (let i = 0; i < rows.length; i += CHUNK) insert(rows.slice(i, i + CHUNK));
}

/**
 * `count` projects in one workspace, as the app stores them: five phases each (two done, one in progress),
 * two open blockers on every third project, and every tenth one led by the person opening Home.
 */
export function seedProjects(db: Db, count: number): void {
  db.transaction((tx) => {
    const ids = Array.from({ length: count }, (_, i) => i + 1);
    inChunks(ids, (chunk) =>
      tx
        .insert(projects)
        .values(
          chunk.map((id) => ({
            id,
            teamId: TEAM,
            channelId: `C${String(id).padStart(8, "0")}`,
            code: `INT-${String(id).padStart(4, "0")}`,
            name: `Order sync ${id}`,
            clientName: `Client ${id} Ltd.`,
            systemA: "Shopify",
            systemB: "QuickBooks Online",
            integrationType: "accounting" as const,
            integrationTypeSource: "auto" as const,
            leadEngineerId: id % 10 === 0 ? VIEWER : "U0LEAD",
            projectManagerId: "U0PM",
            createdBy: "U0PM",
            createdAt: new Date(T0 + id * 60_000),
            updatedAt: new Date(T0 + ((id * 7919) % count) * 60_000),
          })),
        )
        .run(),
    );
    const phaseRows = ids.flatMap((projectId) =>
      PHASE_STATUSES.map((status, i) => ({ projectId, number: i + 1, status, updatedAt: new Date(T0) })),
    );
    inChunks(phaseRows, (chunk) => tx.insert(phases).values(chunk).run());
    const blockerRows = ids
      .filter((id) => id % 3 === 0)
      .flatMap((projectId) =>
        [1, 2].map((number) => ({
          projectId,
          number,
          text: "Sandbox credentials",
          createdBy: "U0PM",
          createdAt: new Date(T0),
        })),
      );
    inChunks(blockerRows, (chunk) => tx.insert(blockers).values(chunk).run());
  });
}

/** A WebClient that keeps the view it is asked to publish instead of sending it to Slack. */
function publishingInto(published: { view?: { blocks: unknown[] } }): WebClient {
  const views = {
    publish: async (args: { view: { blocks: unknown[] } }) => {
      published.view = args.view;
      return { ok: true };
    },
  };
  return { views } as unknown as WebClient;
}

/**
 * Time to build the first page of App Home (the database query, each listed project's live figures and the
 * Block Kit view) for a workspace with 10, 1,000, 10,000 projects: publishHome, with Slack's call stubbed out.
 */
export async function measureHome(options: {
  sizes: readonly number[];
  iterations: number;
  budgetMsPerCase: number;
}): Promise<HomeCase[]> {
  const cases: HomeCase[] = [];
  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), "intplan-bench-home-"));
    const database = openDatabase(join(dir, "intplan.sqlite"));
    try {
      seedProjects(database.db, size);
      // publishHome reads the database, and asks channelAccess which channels the viewer may see: here every
      // channel (as for a viewer whose answers from Slack are cached), so the figure is the listing's own.
      const deps = {
        db: database.db,
        channelAccess: {
          visibleTo: async ({ channelIds }: { channelIds: readonly string[] }) => ({
            visible: new Set(channelIds),
            complete: true,
          }),
        },
      };
      const published: { view?: { blocks: unknown[] } } = {};
      const client = publishingInto(published);
      const timing = await medianTime(
        () => publishHome(client, deps, { teamId: TEAM, userId: VIEWER, page: 0 }),
        { iterations: options.iterations, budgetMs: options.budgetMsPerCase },
      );
      cases.push({ projects: size, ...timing, blocks: published.view?.blocks.length ?? 0 });
    } finally {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return cases;
}
