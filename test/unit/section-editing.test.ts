/**
 * The section-editing service on real storage and the real templates: a save is recorded with its audit row
 * and refreshes that document's canvas only; the rendered document (and its fingerprint) follows the edits;
 * a `##` section saved with edited subsections in it folds them in; reverting twice writes once; and the
 * modal stays inside Slack's limits for a document of more sections than one picker holds.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { listAudit } from "../../src/db/audit-log.js";
import { findDocument, recordPublication, sectionEditedSincePublished } from "../../src/db/document-store.js";
import { listSectionEdits } from "../../src/db/section-edit-store.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { renderDocumentFor } from "../../src/services/document-rendering.js";
import type { PeopleDirectory } from "../../src/services/people-directory.js";
import {
  type EditableSection,
  revertSection,
  type SectionEditor,
  saveSectionText,
  sectionEditor,
  sectionKey,
  textVersion,
} from "../../src/services/section-editing.js";
import { buildSectionEditModal } from "../../src/slack/views/section-edit-modal.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const people: PeopleDirectory = {
  person: async (id) => ({ status: "named", name: `Person ${id}` }),
  timeZone: async () => undefined,
  channel: async (id) => ({ status: "named", name: `channel-${id.toLowerCase()}` }),
};

describe("editing a document's sections", () => {
  let p: ProjectDb;
  let deps: Parameters<typeof saveSectionText>[0] & { people: PeopleDirectory };
  const place = { teamId: "T0TEAM", channelId: "C0PROJECT" };
  /** The refreshes the outbox holds (the project's recurring reminders job aside). */
  const refreshes = () => pendingJobs(p.db, p.project.id).filter((j) => j.job !== "reminders");
  beforeEach(() => {
    p = openProjectDb();
    deps = {
      db: p.db,
      clock: () => T0,
      timing: { refreshDelayMs: 5_000 },
      documents: createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => T0 }),
      people,
    };
  });
  afterEach(() => p.close());

  const where = (kind: "plan" | "discovery" = "plan") => ({ place, projectId: p.project.id, kind });
  /** Saves as a PM who was shown the section as it reads now. */
  const save = (heading: string, text: string, kind: "plan" | "discovery" = "plan") => {
    const shown = sectionEditor(deps, p.project, kind).sections.find((s) => s.heading === heading);
    return saveSectionText(deps, {
      ...where(kind),
      key: sectionKey(heading),
      text,
      actorId: "U0PM",
      shownVersion: textVersion(shown?.text ?? ""),
    });
  };
  const section = (heading: string) =>
    sectionEditor(deps, p.project, "plan").sections.find((s) => s.heading === heading);

  it("saves with an audit row and refreshes only that document's canvas, debounced", async () => {
    const before = await renderDocumentFor(deps, p.project, "plan", "file");
    const outcome = save("### 1.3 Why This Approach", "Webhooks, then a nightly check.");
    expect(outcome.kind).toBe("saved");
    expect(refreshes().map((j) => [j.job, j.runAfter.getTime() - T0.getTime()])).toEqual([
      ["refresh-plan", 5_000],
    ]);
    const [audit] = listAudit(p.db, p.project.id, { limit: 1, offset: 0 });
    expect(audit).toMatchObject({
      action: "section.edited",
      actorId: "U0PM",
      details: {
        document: "plan",
        heading: "### 1.3 Why This Approach",
        text: "Webhooks, then a nightly check.",
      },
    });
    const after = await renderDocumentFor(deps, p.project, "plan", "file");
    expect(after.markdown).toContain(
      "### 1.3 Why This Approach\nWebhooks, then a nightly check.\n\n### 1.4 Estimate Basis",
    );
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(section("### 1.3 Why This Approach")?.edited).toEqual({ by: "U0PM", at: T0 });
  });

  it("a discovery document's edit refreshes the discovery canvas only", async () => {
    expect(save("### Compliance", "SOC 2.", "discovery").kind).toBe("saved");
    expect(refreshes().map((j) => j.job)).toEqual(["refresh-discovery"]);
  });

  it("a document nobody edited keeps the fingerprint it had", async () => {
    const first = (await renderDocumentFor(deps, p.project, "plan", "file")).fingerprint;
    save("### 1.3 Why This Approach", "Ours.");
    revertSection(deps, { ...where(), key: sectionKey("### 1.3 Why This Approach"), actorId: "U0PM" });
    expect((await renderDocumentFor(deps, p.project, "plan", "file")).fingerprint).toBe(first);
  });

  it("a ## section saved with an edited subsection in it folds that edit into its text", async () => {
    save("### 1.1 Business Problem", "Keyed in twice.");
    const outer = section("## 1. PROJECT CONTEXT & WHY THIS MATTERS");
    expect(outer?.text).toContain("### 1.1 Business Problem\nKeyed in twice.");
    const outcome = save("## 1. PROJECT CONTEXT & WHY THIS MATTERS", `Our context.\n\n${outer?.text ?? ""}`);
    expect(outcome).toMatchObject({ kind: "saved", folded: ["### 1.1 Business Problem"] });
    expect(listSectionEdits(p.db, p.project.id, "plan").map((e) => e.heading)).toEqual([
      "## 1. PROJECT CONTEXT & WHY THIS MATTERS",
    ]);
    expect((await renderDocumentFor(deps, p.project, "plan", "file")).markdown).toContain(
      "## 1. PROJECT CONTEXT & WHY THIS MATTERS\n\nOur context.\n\n### 1.1 Business Problem\nKeyed in twice.",
    );
  });

  it("a save over text that changed since the PM was shown it is refused, and overwrites nothing", async () => {
    const heading = "### 1.3 Why This Approach";
    const shownVersion = textVersion(section(heading)?.text ?? "");
    save(heading, "Someone else's words.");
    const outcome = saveSectionText(deps, {
      ...where(),
      key: sectionKey(heading),
      text: "Mine.",
      actorId: "U0LEAD",
      shownVersion,
    });
    expect(outcome).toMatchObject({ kind: "changed", section: { heading, text: "Someone else's words." } });
    expect(listSectionEdits(p.db, p.project.id, "plan")).toMatchObject([{ body: "Someone else's words." }]);
  });

  it("a section's wording saved or reverted waits to be counted by the publish that carries it, once, and in that document only", () => {
    const revision = (kind: "plan" | "discovery") => findDocument(p.db, p.project.id, kind)?.revision;
    const pending = (kind: "plan" | "discovery") => sectionEditedSincePublished(p.db, p.project.id, kind);
    const publish = (asked: boolean) =>
      recordPublication(p.db, {
        projectId: p.project.id,
        kind: "plan",
        target: "canvas",
        targetId: "F0PLAN",
        contentHash: `published ${asked}`,
        actorId: "U0PM",
        at: T0,
        canvasId: "F0PLAN",
        asked,
      });
    save("### 1.3 Why This Approach", "Before the first publish.");
    expect(revision("plan")).toBeUndefined();
    expect(publish(true)).toBe(1);
    expect(pending("plan")).toBe(false);

    save("### 1.3 Why This Approach", "Webhooks, then a nightly check.");
    revertSection(deps, { ...where(), key: sectionKey("### 1.3 Why This Approach"), actorId: "U0PM" });
    // Saved, not yet published: the stored revision waits for the publish.
    expect(revision("plan")).toBe(1);
    expect(pending("plan")).toBe(true);
    expect(pending("discovery")).toBe(false);
    expect(revision("discovery")).toBeUndefined();
  });

  it("reverting what is not edited writes nothing", async () => {
    save("### 1.3 Why This Approach", "Ours.");
    const key = sectionKey("### 1.3 Why This Approach");
    expect(revertSection(deps, { ...where(), key, actorId: "U0PM" }).kind).toBe("reverted");
    expect(revertSection(deps, { ...where(), key, actorId: "U0LEAD" }).kind).toBe("not-edited");
    expect(listAudit(p.db, p.project.id, { limit: 10, offset: 0 }).map((a) => a.action)).toEqual([
      "section.reverted",
      "section.edited",
      "project.created",
    ]);
  });

  it("only the channel's own project is edited", async () => {
    const elsewhere = {
      place: { teamId: "T0TEAM", channelId: "C0ELSEWHERE" },
      projectId: p.project.id,
      kind: "plan" as const,
    };
    expect(
      saveSectionText(deps, {
        ...elsewhere,
        key: sectionKey("### 1.3 Why This Approach"),
        text: "x",
        actorId: "U0PM",
        shownVersion: textVersion(section("### 1.3 Why This Approach")?.text ?? ""),
      }).kind,
    ).toBe("not-here");
    expect(listSectionEdits(p.db, p.project.id, "plan")).toEqual([]);
  });

  it("a document of more than 100 sections gets one picker per 100, and a long section is never cut", async () => {
    const editor = sectionEditor(deps, p.project, "plan");
    const many: EditableSection[] = Array.from({ length: 150 }, (_, i) => ({
      heading: `### ${i + 1}. A section whose heading is long enough to need cutting in a picker option ${i}`,
      level: 3,
      title: "",
      text: i === 120 ? "x".repeat(3_500) : "Some text.",
      parent: null,
      subsections: [],
      key: sectionKey(String(i)),
      edited: i % 2 === 0 ? { by: "U0PM", at: T0 } : null,
    }));
    const big: SectionEditor = { ...editor, sections: many };
    const view = buildSectionEditModal({ editor: big, selected: sectionKey("120") });
    expect(validateView(view)).toEqual([]);
    const pickers = view.blocks.filter(
      (b) => b.type === "actions" && b.block_id?.startsWith("edit_section_pick"),
    );
    expect(pickers).toHaveLength(2);
    const texts = JSON.stringify(view.blocks);
    expect(texts).toContain("Sections 101–150");
    expect(texts).toContain("3,500 characters");
    expect(texts).not.toContain("x".repeat(3_001));
    expect(view.blocks.some((b) => b.type === "input")).toBe(false);
    expect(view.submit).toBeUndefined();
  });
});
