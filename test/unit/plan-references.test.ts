/**
 * The plan points at real documents: its section 11 names each companion document with its canvas link or
 * its latest file, or says how to generate it; 6.3 names the Test Cases and section 10 the Statement of
 * Work the same way. Through the real database, publishing or freezing a companion changes the plan's
 * fingerprint and asks for the plan to be refreshed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDocument, recordPublication } from "../../src/db/document-store.js";
import { createVersion } from "../../src/db/document-version-store.js";
import { outbox } from "../../src/db/schema.js";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { CompanionPlace, DocumentInput } from "../../src/documents/render-input.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import type { CompanionKind } from "../../src/domain/document-kinds.js";
import { createKeyedLock } from "../../src/keyed-lock.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { renderDocumentFor } from "../../src/services/document-rendering.js";
import { uploadVersion, type VersionUploadPort } from "../../src/services/document-versions.js";
import type { PeopleDirectory } from "../../src/services/people-directory.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));
const accounting: DocumentInput = parseAnswersFile(
  JSON.parse(readFileSync(join(EXAMPLES_DIR, "shopify-quickbooks-accounting.json"), "utf8")),
);
const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => T0 });

const SOW_LINK = "https://acme.slack.com/docs/T0TEAM/F0SOW";
const SPECS_FILE = "https://acme.slack.com/files/U0PM/F0SPECSV2/int-0001-technical-specifications-v2.docx";

/** The plan's section 11, its lines after the heading. */
const section11 = (plan: string) =>
  plan
    .slice(plan.indexOf("## 11. REFERENCE DOCUMENTS"), plan.indexOf("**Document Control**"))
    .split("\n")
    .filter((line) => line.startsWith("- "));
const lineStarting = (plan: string, start: string) => plan.split("\n").find((l) => l.startsWith(start));

const planWith = (suite?: Partial<Record<CompanionKind, CompanionPlace>>) => {
  const plan = renderer.renderPlan({ ...accounting, ...(suite ? { suite } : {}) });
  assertCleanDocument(plan);
  return plan;
};

describe("the plan's references to the companion documents", () => {
  it("offline (an answers file, no suite), every companion is not generated yet, with its command", () => {
    const plan = planWith();
    expect(section11(plan)).toEqual([
      "- Statement of Work (_not generated yet:_ `/intplan publish sow`)",
      "- Technical Specifications (_not generated yet:_ `/intplan publish specs`)",
      "- Test Cases (_not generated yet:_ `/intplan publish tests`)",
      "- Deployment Runbook (_not generated yet:_ `/intplan publish runbook`)",
      "- Support Playbook (_not generated yet:_ `/intplan publish playbook`)",
    ]);
    expect(lineStarting(plan, "See detailed test cases in:")).toBe(
      "See detailed test cases in: Test Cases (_not generated yet:_ `/intplan publish tests`)",
    );
    expect(lineStarting(plan, "- [ ] All acceptance criteria")).toBe(
      "- [ ] All acceptance criteria met: see section 8, Acceptance Criteria, of the Statement of Work (_not generated yet:_ `/intplan publish sow`)",
    );
    // No file name of a document that does not exist.
    expect(plan).not.toMatch(/INT-0001-[a-z-]+\.md/);
  });

  it("links a canvas, names a frozen version with its file and date, and a file posted instead of a canvas", () => {
    const plan = planWith({
      sow: { type: "canvas", permalink: SOW_LINK },
      specs: {
        type: "version",
        number: 2,
        frozenAt: new Date("2026-11-30T17:00:00Z"),
        permalink: SPECS_FILE,
      },
      tests: { type: "canvas", permalink: null },
      runbook: { type: "file", postedAt: new Date("2026-12-01T09:00:00Z") },
      playbook: { type: "version", number: 1, frozenAt: new Date("2026-12-02T09:00:00Z"), permalink: null },
    });
    expect(section11(plan)).toEqual([
      `- [Statement of Work](${SOW_LINK})`,
      `- [Technical Specifications, version 2](${SPECS_FILE}) (frozen on 2026-11-30)`,
      "- Test Cases (a canvas in the project channel's tabs)",
      "- Deployment Runbook (posted in the project channel as a file on 2026-12-01)",
      "- Support Playbook, version 1 (frozen on 2026-12-02, its files in the project channel)",
    ]);
    expect(lineStarting(plan, "See detailed test cases in:")).toBe(
      "See detailed test cases in: Test Cases (a canvas in the project channel's tabs)",
    );
    expect(lineStarting(plan, "- [ ] All acceptance criteria")).toBe(
      `- [ ] All acceptance criteria met: see section 8, Acceptance Criteria, of the [Statement of Work](${SOW_LINK})`,
    );
  });

  it("names the Test Cases in 6.3 by their link, and leaves the companions not in the suite not generated", () => {
    const plan = planWith({
      tests: { type: "canvas", permalink: "https://acme.slack.com/docs/T0TEAM/F0TC" },
    });
    expect(lineStarting(plan, "See detailed test cases in:")).toBe(
      "See detailed test cases in: [Test Cases](https://acme.slack.com/docs/T0TEAM/F0TC)",
    );
    expect(section11(plan).filter((l) => l.includes("not generated yet"))).toHaveLength(4);
  });

  it("never makes a link of a URL that could break out of the Markdown link", () => {
    const plan = planWith({
      sow: { type: "canvas", permalink: "https://acme.slack.com/docs/x) [evil](https://evil.example" },
      specs: { type: "canvas", permalink: "javascript:alert(1)" },
    });
    expect(section11(plan).slice(0, 2)).toEqual(["- Statement of Work", "- Technical Specifications"]);
    expect(plan).not.toContain("evil");
  });
});

describe("a companion published or frozen, through the database", () => {
  let p: ProjectDb;
  const people: PeopleDirectory = {
    person: async () => ({ status: "named", name: "Pat" }),
    timeZone: async () => undefined,
    channel: async () => ({ status: "named", name: "int-acme" }),
  };
  const deps = () => ({
    db: p.db,
    documents: renderer,
    people,
    clock: () => T0,
    locks: createKeyedLock(),
  });
  const render = (kind: "plan" | "discovery" = "plan") =>
    renderDocumentFor(deps(), p.project, kind, "canvas");
  /** The refreshes owed (the project's recurring reminders job aside). */
  const owed = () =>
    pendingJobs(p.db, p.project.id)
      .map((j) => j.job)
      .filter((job) => job !== "reminders");
  const publish = (kind: CompanionKind, target: "canvas" | "file", targetId: string, permalink?: string) =>
    recordPublication(p.db, {
      projectId: p.project.id,
      kind,
      target,
      targetId,
      contentHash: `${kind}-hash`,
      actorId: "U0PM",
      at: T0,
      canvasId: null,
      canvasPermalink: permalink ?? null,
      asked: true,
    });

  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  it("a published Statement of Work changes the plan's fingerprint, links it, and refreshes the plan", async () => {
    const before = await render();
    const discoveryBefore = await render("discovery");
    expect(section11(before.markdown)[0]).toBe(
      "- Statement of Work (_not generated yet:_ `/intplan publish sow`)",
    );

    publish("sow", "canvas", "F0SOW", SOW_LINK);
    const after = await render();
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(section11(after.markdown)[0]).toBe(`- [Statement of Work](${SOW_LINK})`);
    expect(owed()).toContain("refresh-plan");
    // Only the plan names the other documents: the discovery document is as it was.
    expect((await render("discovery")).fingerprint).toBe(discoveryBefore.fingerprint);
  });

  it("the Markdown posted where there are no canvases is the document's file", async () => {
    publish("runbook", "file", "F0RUNBOOKMD");
    expect(section11((await render()).markdown)[3]).toBe(
      "- Deployment Runbook (posted in the project channel as a file on 2026-11-22)",
    );
  });

  it("a frozen companion shows once its files are uploaded, refreshing the plan without another revision", async () => {
    publish("specs", "canvas", "F0SPECS", "https://acme.slack.com/docs/T0TEAM/F0SPECS");
    const { revision } = findDocument(p.db, p.project.id, "specs") ?? { revision: 0 };
    // The canvas is the document's home; frozen versions show for a companion without one.
    const version = createVersion(p.db, {
      projectId: p.project.id,
      kind: "tests",
      label: "For UAT",
      markdown: "# Test Cases",
      actorId: "U0PM",
      at: T0,
    });
    const frozen = await render();
    expect(section11(frozen.markdown)[2]).toBe(
      "- Test Cases (_not generated yet:_ `/intplan publish tests`)",
    );
    p.db.delete(outbox).run();

    const uploader: VersionUploadPort = {
      upload: async () => ({ docxFileId: "F0TCDOCX", markdownFileId: "F0TCMD", permalink: SPECS_FILE }),
    };
    const uploaded = await uploadVersion(deps(), uploader, {
      project: p.project,
      versionId: version.id,
      actorId: "U0LEAD",
    });
    expect(uploaded.status).toBe("uploaded");
    expect(owed()).toEqual(["refresh-plan", "refresh-status-board"]);
    const after = await render();
    expect(after.fingerprint).not.toBe(frozen.fingerprint);
    expect(section11(after.markdown)[2]).toBe(
      `- [Test Cases, version 1](${SPECS_FILE}) (frozen on 2026-11-22)`,
    );
    // Recording the files counts no revision of any document.
    expect(findDocument(p.db, p.project.id, "specs")?.revision).toBe(revision);
    expect(findDocument(p.db, p.project.id, "tests")).toBeUndefined();
    expect(findDocument(p.db, p.project.id, "plan")).toBeUndefined();

    // A second upload of the same version records nothing and asks for nothing.
    p.db.delete(outbox).run();
    expect(
      (await uploadVersion(deps(), uploader, { project: p.project, versionId: version.id, actorId: "U0PM" }))
        .status,
    ).toBe("already-uploaded");
    expect(owed()).toEqual([]);
  });

  it("a frozen plan's files refresh nothing: the plan does not list itself", async () => {
    const version = createVersion(p.db, {
      projectId: p.project.id,
      kind: "plan",
      label: null,
      markdown: "# Plan",
      actorId: "U0PM",
      at: T0,
    });
    await uploadVersion(
      deps(),
      { upload: async () => ({ docxFileId: null, markdownFileId: "F0PLANMD", permalink: null }) },
      { project: p.project, versionId: version.id, actorId: "U0PM" },
    );
    expect(owed()).toEqual([]);
  });
});
