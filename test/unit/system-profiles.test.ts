import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answers } from "../../src/db/schema.js";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { formatAnswerForInput } from "../../src/domain/questionnaire/answers.js";
import { getQuestionnaire, LATEST_QUESTIONNAIRE_VERSION } from "../../src/domain/questionnaire/definition.js";
import { findSystemProfile } from "../../src/domain/system-profiles/match.js";
import { PROFILE_FACTS } from "../../src/domain/system-profiles/profile-types.js";
import { SYSTEM_PROFILES } from "../../src/domain/system-profiles/profiles.js";
import { interviewOf, interviewScreen, keepSectionInput } from "../../src/services/discovery-interview.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

describe("finding a system's profile from how a project names it", () => {
  const id = (name: string) => findSystemProfile(name)?.id;

  it.each([
    ["Shopify", "shopify"],
    ["shopify", "shopify"],
    ["Shopify Plus", "shopify-plus"],
    ["shopify-plus", "shopify-plus"],
    ["Shopify+", "shopify-plus"],
    ["Our Shopify Plus store", "shopify-plus"],
    ["QuickBooks Online", "quickbooks-online"],
    ["QBO", "quickbooks-online"],
    ["Quick Books Online", "quickbooks-online"],
    ["quickbooks online (US)", "quickbooks-online"],
    ["Woo", "woocommerce"],
    ["WooCommerce", "woocommerce"],
    ["NetSuite ERP", "netsuite"],
    ["Oracle NetSuite", "netsuite"],
    ["Sage Intacct", "sage-intacct"],
    ["ShipStation", "shipstation"],
    ["HubSpot CRM", "hubspot"],
    ["Lightspeed Retail", "lightspeed"],
  ])("%s is %s", (name, expected) => {
    expect(id(name)).toBe(expected);
  });

  it.each([["QuickBooks Desktop"], ["Squarespace"], ["Acme WMS"], [""], ["Woodland ERP"]])(
    "%s has no profile",
    (name) => {
      expect(id(name)).toBeUndefined();
    },
  );
});

describe("the profiles' facts", () => {
  it("come each with an https page on the vendor's own domain and the day it was checked", () => {
    for (const profile of SYSTEM_PROFILES) {
      for (const [factId, fact] of Object.entries(profile.facts)) {
        const where = `${profile.name} ${factId}`;
        const url = new URL(fact.url);
        expect(url.protocol, where).toBe("https:");
        expect(
          profile.domains.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`)),
          `${where}: ${url.hostname}`,
        ).toBe(true);
        expect(fact.checkedOn, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("are values the interview's questions accept", () => {
    const section = getQuestionnaire(LATEST_QUESTIONNAIRE_VERSION).sections.find(
      (s) => s.id === "system_a_api",
    );
    for (const profile of SYSTEM_PROFILES) {
      for (const factId of PROFILE_FACTS) {
        const fact = profile.facts[factId];
        if (!fact) continue;
        const question = section?.questions.find((q) => q.id === `system_a_${factId}`);
        expect(question, factId).toBeDefined();
        if (question && "options" in question) {
          const values = typeof fact.value === "string" ? [fact.value] : fact.value;
          const allowed = question.options.map((o) => o.value);
          for (const v of values) expect(allowed, `${profile.name} ${factId}`).toContain(v);
        } else {
          const lines = typeof fact.value === "string" ? [fact.value] : fact.value;
          for (const line of lines) expect(line.length, `${profile.name} ${factId}`).toBeLessThanOrEqual(300);
        }
      }
    }
  });

  it("cover every system the team works with most", () => {
    const names = SYSTEM_PROFILES.map((p) => p.name);
    for (const name of ["Shopify", "Shopify Plus", "WooCommerce", "BigCommerce", "QuickBooks Online", "Xero"])
      expect(names).toContain(name);
  });
});

describe("a system API section offered from the profile", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  const deps = () => ({ db: p.db, clock: () => T0, timing: { refreshDelayMs: 0 } });
  const ctx = () => interviewOf(p.project);
  const indexOf = (id: string) => ctx().questionnaire.sections.findIndex((s) => s.id === id);
  const stored = (questionId: string) =>
    p.db
      .select()
      .from(answers)
      .where(and(eq(answers.projectId, p.project.id), eq(answers.questionId, questionId)))
      .get();

  /** Saves a section (Save & close) as it was shown, with `edits` typed over it; `move` is Back or Skip. */
  const submitAsShown = (sectionId: string, edits: Record<string, string> = {}, move = false) => {
    const index = indexOf(sectionId);
    const screen = interviewScreen(deps(), ctx(), index);
    if (screen.kind !== "section") throw new Error("not a section");
    const section = ctx().questionnaire.sections[index];
    if (!section) throw new Error("no section");
    const shown = { ...screen.prefill?.values, ...screen.answers };
    const raw = Object.fromEntries(
      section.questions.map((q) => [q.id, edits[q.id] ?? formatAnswerForInput(q, shown[q.id])]),
    );
    return keepSectionInput(deps(), ctx(), {
      sectionIndex: index,
      shownDigests: screen.shownDigests,
      raw,
      actorId: "U0PM",
      submit: false,
      keepOffered: !move,
      isPersonId: isSlackUserId,
    });
  };

  it("offers Shopify's facts for the questions with no answer, and keeps them with their source", () => {
    const screen = interviewScreen(deps(), ctx(), indexOf("system_a_api"));
    expect(screen.kind === "section" && screen.prefill?.profile.id).toBe("shopify");
    submitAsShown("system_a_api", { system_a_batch_operations: "We only read orders" });
    const rate = stored("system_a_rate_limit");
    expect(rate?.value).toMatch(/points\/second/);
    expect(rate?.source).toMatchObject({ from: "profile", profileId: "shopify", systemName: "Shopify" });
    expect(rate?.source && "url" in rate.source && rate.source.url).toMatch(/^https:\/\/shopify\.dev\//);
    expect(stored("system_a_batch_operations")).toMatchObject({ value: "We only read orders", source: null });
  });

  it("clears the source when someone later types over a profile's value", () => {
    submitAsShown("system_b_api");
    expect(stored("system_b_rate_limit")?.source).toMatchObject({ profileId: "quickbooks-online" });
    submitAsShown("system_b_api", { system_b_rate_limit: "250 requests/minute on this client's plan" });
    expect(stored("system_b_rate_limit")).toMatchObject({
      value: "250 requests/minute on this client's plan",
      source: null,
    });
    expect(stored("system_b_webhooks")?.source).toMatchObject({ profileId: "quickbooks-online" });
  });

  it("keeps nothing offered when the person only moves on (Back, Skip)", () => {
    submitAsShown("system_a_api", { system_a_rate_limit: "Ours: 1 request/second" }, true);
    expect(stored("system_a_webhooks")).toBeUndefined();
    expect(stored("system_a_rate_limit")).toMatchObject({ value: "Ours: 1 request/second", source: null });
  });

  it("offers nothing over a stored answer", () => {
    submitAsShown("system_a_api", { system_a_rate_limit: "Ours: 1 request/second" });
    const screen = interviewScreen(deps(), ctx(), indexOf("system_a_api"));
    expect(screen.kind === "section" && screen.prefill?.values.system_a_rate_limit).toBeFalsy();
  });
});

describe("documents citing a profile's facts", () => {
  const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
  const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));
  const renderer = createDocumentRenderer({
    templatesDir: TEMPLATES_DIR,
    now: () => new Date("2026-12-02T12:00:00.000Z"),
  });
  const example = parseAnswersFile(
    JSON.parse(readFileSync(join(EXAMPLES_DIR, "shopify-quickbooks-accounting.json"), "utf8")),
  );
  const url = "https://shopify.dev/docs/api/usage/rate-limits";
  const input = {
    ...example,
    answerSources: {
      system_a_rate_limit: {
        from: "profile" as const,
        profileId: "shopify",
        systemName: "Shopify",
        url,
        checkedOn: "2026-12-02",
      },
    },
  };
  const cited = `_(Source: [Shopify's documentation](${url}), checked 2 Dec 2026)_`;

  it("cites the vendor's page beside the fact, in the plan, the discovery document and the specs", () => {
    for (const markdown of [
      renderer.renderPlan(input),
      renderer.renderDiscovery(input),
      renderer.render("specs", input),
    ]) {
      const line = markdown.split("\n").find((l) => l.includes(cited));
      expect(line).toMatch(/Rate limit/i);
      assertCleanDocument(markdown);
    }
  });

  it("cites nothing for typed answers", () => {
    expect(renderer.renderPlan(example)).not.toContain("Source:");
    expect(renderer.renderPlan({ ...input, answerSources: {} })).not.toContain("Source:");
  });
});
