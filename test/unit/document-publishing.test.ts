import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDocument } from "../../src/db/document-store.js";
import { type CanvasPort, publishDocument } from "../../src/services/document-publishing.js";
import type { RenderedDocument } from "../../src/services/document-rendering.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const doc = (fingerprint: string): RenderedDocument => ({
  kind: "plan",
  title: "INT-0001 Acme order sync: Implementation Plan",
  filename: "INT-0001-implementation-plan.md",
  markdown: `# Plan ${fingerprint}`,
  fingerprint,
});

/** Canvases kept in memory; `canvases: false` is a workspace without them. */
function fakeCanvases(options: { canvases: boolean }) {
  const calls: string[] = [];
  const live = new Set<string>();
  let made = 0;
  const port: CanvasPort = {
    async edit(canvasId) {
      calls.push(`edit ${canvasId}`);
      return live.has(canvasId) ? "edited" : "gone";
    },
    async create() {
      calls.push("create");
      if (!options.canvases) return { unavailable: "team_tier_cannot_create_channel_canvases" };
      made += 1;
      const id = `F0CANVAS${made}`;
      live.add(id);
      return { canvasId: id };
    },
    async uploadInstead(_channelId, document, reason) {
      calls.push(`upload (${reason}): ${document.markdown}`);
      return "F0FILE";
    },
  };
  return { port, calls, lose: (id: string) => live.delete(id) };
}

describe("publishing a document", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());
  const publish = (port: CanvasPort, fingerprint: string, onlyIfCanvasExists = false) =>
    publishDocument({ db: p.db }, port, {
      projectId: p.project.id,
      channelId: p.project.channelId,
      actorId: "U0PM",
      at: T0,
      document: doc(fingerprint),
      asFile: async () => ({ ...doc(fingerprint), markdown: `# Plan ${fingerprint} as a file` }),
      onlyIfCanvasExists,
    });

  it("creates a canvas, does nothing while the content is unchanged, then edits the same canvas", async () => {
    const slack = fakeCanvases({ canvases: true });
    expect(await publish(slack.port, "a")).toEqual({
      status: "canvas-created",
      version: 1,
      canvasId: "F0CANVAS1",
    });
    expect(await publish(slack.port, "a")).toEqual({
      status: "unchanged",
      version: 1,
      canvasId: "F0CANVAS1",
    });
    expect(await publish(slack.port, "b")).toEqual({
      status: "canvas-updated",
      version: 2,
      canvasId: "F0CANVAS1",
    });
    expect(slack.calls).toEqual(["create", "edit F0CANVAS1"]);
  });

  it("makes a new canvas when Slack lost the old one; a refresh only forgets it", async () => {
    const slack = fakeCanvases({ canvases: true });
    await publish(slack.port, "a");
    slack.lose("F0CANVAS1");
    expect(await publish(slack.port, "b", true)).toBeUndefined();
    expect(findDocument(p.db, p.project.id, "plan")?.canvasId).toBeNull();
    expect(await publish(slack.port, "c")).toMatchObject({ status: "canvas-created", canvasId: "F0CANVAS2" });
  });

  it("uploads a Markdown file where the workspace has no canvases", async () => {
    const slack = fakeCanvases({ canvases: false });
    expect(await publish(slack.port, "a")).toEqual({
      status: "file",
      version: 1,
      fileId: "F0FILE",
      reason: "team_tier_cannot_create_channel_canvases",
    });
    expect(slack.calls).toEqual([
      "create",
      "upload (team_tier_cannot_create_channel_canvases): # Plan a as a file",
    ]);
  });
});
