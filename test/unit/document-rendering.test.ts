import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DirectoryName } from "../../src/documents/people-presentation.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { renderDocumentFor } from "../../src/services/document-rendering.js";
import type { PeopleDirectory } from "../../src/services/people-directory.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

describe("rendering a document for an audience", () => {
  let p: ProjectDb;
  const names = new Map<string, DirectoryName>();
  const people: PeopleDirectory = {
    person: async (id) => names.get(id) ?? { status: "gone" },
    channel: async () => ({ status: "named", name: "int-acme" }),
    timeZone: async () => undefined,
  };
  const documents = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => T0 });
  const render = (audience: "canvas" | "file") =>
    renderDocumentFor({ db: p.db, documents, people }, p.project, "plan", audience);

  beforeEach(() => {
    p = openProjectDb();
    names.set("U0PM", { status: "named", name: "Pat" });
    names.set("U0LEAD", { status: "named", name: "Lee" });
  });
  afterEach(() => p.close());

  it("keeps its fingerprint while nothing shown changes, and changes it when a shown name does", async () => {
    const first = await render("canvas");
    expect((await render("canvas")).fingerprint).toBe(first.fingerprint);
    names.set("U0PM", { status: "named", name: "Patricia" });
    expect((await render("canvas")).fingerprint).not.toBe(first.fingerprint);
    names.set("U0PM", { status: "unavailable" });
    expect((await render("canvas")).fingerprint).not.toBe(first.fingerprint);
  });

  it("fingerprints each audience on its own, from one template render's content", async () => {
    const canvas = await render("canvas");
    const file = await render("file");
    expect(file.fingerprint).not.toBe(canvas.fingerprint);
    expect(canvas.markdown).toContain("**Project Manager**: ![](@U0PM)");
    expect(file.markdown).toContain("**Project Manager**: Pat");
    expect(file.markdown).toContain("**Channel**: #int-acme");
    expect(file.markdown).not.toMatch(/U0|C0PROJECT|[\uE000\uE001]/);
  });
});
