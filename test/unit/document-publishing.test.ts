import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDocument, recordPublication } from "../../src/db/document-store.js";
import { maintainedByLine } from "../../src/documents/canvas-notice.js";
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

type AccessAnswer = Awaited<ReturnType<CanvasPort["restrictToChannel"]>>;

/**
 * Canvases kept in memory; `canvases: false` is a workspace without them. `access` is what every
 * canvases.access.set answers; `permalinks: false` makes files.info answer nothing.
 */
function fakeCanvases(options: { canvases: boolean; access?: AccessAnswer; permalinks?: boolean }) {
  const calls: string[] = [];
  const live = new Set<string>();
  const told: string[] = [];
  const sent: string[] = [];
  let made = 0;
  let access: AccessAnswer = options.access ?? { access: "read" };
  const port: CanvasPort = {
    async edit(canvasId, document) {
      calls.push(`edit ${canvasId}`);
      sent.push(document.markdown);
      return live.has(canvasId) ? "edited" : "gone";
    },
    async create(_channelId, document) {
      calls.push("create");
      sent.push(document.markdown);
      if (!options.canvases) return { unavailable: "team_tier_cannot_create_channel_canvases" };
      made += 1;
      const id = `F0CANVAS${made}`;
      live.add(id);
      return { canvasId: id };
    },
    async uploadInstead(_channelId, document, reason) {
      calls.push(`upload (${reason}): ${document.markdown}`);
      sent.push(document.markdown);
      return "F0FILE";
    },
    async restrictToChannel(canvasId, channelId) {
      calls.push(`read-only ${canvasId} for ${channelId}`);
      return access;
    },
    async permalink(canvasId) {
      calls.push(`link ${canvasId}`);
      return options.permalinks === false ? undefined : `https://acme.slack.com/docs/T0TEAM/${canvasId}`;
    },
    async tellAccessRefused(channelId, document, reason) {
      told.push(`${channelId}: ${document.kind} ${reason}`);
    },
  };
  return {
    port,
    calls,
    told,
    sent,
    lose: (id: string) => live.delete(id),
    answerAccess: (answer: AccessAnswer) => {
      access = answer;
    },
  };
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
      asked: !onlyIfCanvasExists,
      document: doc(fingerprint),
      asFile: async () => ({ ...doc(fingerprint), markdown: `# Plan ${fingerprint} as a file` }),
      onlyIfCanvasExists,
    });

  const LINK1 = "https://acme.slack.com/docs/T0TEAM/F0CANVAS1";
  const row = () => findDocument(p.db, p.project.id, "plan");

  it("creates a canvas, makes it read-only for the channel, asks its link once, then edits the same canvas", async () => {
    const slack = fakeCanvases({ canvases: true });
    expect(await publish(slack.port, "a")).toEqual({
      status: "canvas-created",
      version: 1,
      canvasId: "F0CANVAS1",
      permalink: LINK1,
    });
    expect(row()).toMatchObject({ canvasAccess: "read", canvasPermalink: LINK1 });
    expect(await publish(slack.port, "a")).toEqual({
      status: "unchanged",
      version: 1,
      canvasId: "F0CANVAS1",
      permalink: LINK1,
    });
    expect(await publish(slack.port, "b")).toEqual({
      status: "canvas-updated",
      version: 2,
      canvasId: "F0CANVAS1",
      permalink: LINK1,
    });
    // The link is asked before the publish is recorded, so the one board refresh shows it.
    expect(slack.calls).toEqual([
      "create",
      "link F0CANVAS1",
      "read-only F0CANVAS1 for C0PROJECT",
      "edit F0CANVAS1",
    ]);
  });

  it("opens the canvas with who maintains it and how to change it; a file stands without that line", async () => {
    const withCanvases = fakeCanvases({ canvases: true });
    await publish(withCanvases.port, "a");
    expect(withCanvases.sent[0]).toBe(`${maintainedByLine("plan")}\n\n# Plan a`);
    expect(withCanvases.sent[0]).toContain("`/intplan edit plan`");
    expect(withCanvases.sent[0]).toContain("`/intplan freeze plan`");

    const without = fakeCanvases({ canvases: false });
    p.close();
    p = openProjectDb();
    await publish(without.port, "a");
    expect(without.sent.at(-1)).toBe("# Plan a as a file");
  });

  it("tells the channel once when Slack refuses the read-only change, and never fails the publish for it", async () => {
    const slack = fakeCanvases({ canvases: true, access: { refused: "restricted_action" } });
    expect(await publish(slack.port, "a")).toMatchObject({ status: "canvas-created", version: 1 });
    expect(row()?.canvasAccess).toBe("refused");
    expect(await publish(slack.port, "b")).toMatchObject({ status: "canvas-updated", version: 2 });
    expect(slack.told).toEqual(["C0PROJECT: plan restricted_action"]);
    expect(slack.calls.filter((c) => c.startsWith("read-only"))).toHaveLength(1);
  });

  it("asks again at the next publish when Slack could not be asked (a rate limit, the network)", async () => {
    const slack = fakeCanvases({ canvases: true, access: { failed: "ratelimited" } });
    await publish(slack.port, "a");
    expect(row()?.canvasAccess).toBeNull();
    slack.answerAccess({ access: "read" });
    await publish(slack.port, "b");
    expect(row()?.canvasAccess).toBe("read");
    expect(slack.told).toEqual([]);
  });

  it("a canvas known from before gets the read-only change and its link at its next publish", async () => {
    recordPublication(p.db, {
      projectId: p.project.id,
      kind: "plan",
      target: "canvas",
      targetId: "F0OLD",
      contentHash: "old",
      actorId: "U0PM",
      at: T0,
      canvasId: "F0OLD",
      asked: true,
    });
    const slack = fakeCanvases({ canvases: true });
    const port: CanvasPort = { ...slack.port, edit: async () => "edited" };
    expect(await publish(port, "b")).toMatchObject({ status: "canvas-updated", canvasId: "F0OLD" });
    expect(slack.calls).toEqual(["read-only F0OLD for C0PROJECT", "link F0OLD"]);
    expect(row()).toMatchObject({
      canvasAccess: "read",
      canvasPermalink: "https://acme.slack.com/docs/T0TEAM/F0OLD",
    });
  });

  it("without a link from Slack, keeps none and asks at the next publish", async () => {
    const slack = fakeCanvases({ canvases: true, permalinks: false });
    expect(await publish(slack.port, "a")).toMatchObject({ permalink: null });
    await publish(slack.port, "b");
    expect(slack.calls.filter((c) => c.startsWith("link"))).toHaveLength(2);
    expect(row()?.canvasPermalink).toBeNull();
  });

  it("makes a new canvas when Slack lost the old one; a refresh only forgets it", async () => {
    const slack = fakeCanvases({ canvases: true });
    await publish(slack.port, "a");
    slack.lose("F0CANVAS1");
    expect(await publish(slack.port, "b", true)).toBeUndefined();
    expect(row()).toMatchObject({ canvasId: null, canvasAccess: null, canvasPermalink: null });
    expect(await publish(slack.port, "c")).toMatchObject({ status: "canvas-created", canvasId: "F0CANVAS2" });
    // The new canvas is made read-only too, and its own link asked.
    expect(row()).toMatchObject({
      canvasAccess: "read",
      canvasPermalink: "https://acme.slack.com/docs/T0TEAM/F0CANVAS2",
    });
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
