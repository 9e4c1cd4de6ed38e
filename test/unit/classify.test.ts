import { describe, expect, it } from "vitest";
import { classifyAnswers, classifyProject } from "../../src/domain/classify.js";

describe("auto-detecting the integration type from the system names and the summary", () => {
  it.each([
    ["Shopify", "QuickBooks Online", "", "accounting"],
    ["Shopify", "Xero", "", "accounting"],
    ["BigCommerce", "NetSuite", "", "accounting"],
    ["WooCommerce", "Sage Intacct", "", "accounting"],
    ["Shopify", "Klaviyo", "", "marketing"],
    ["WooCommerce", "Mailchimp", "", "marketing"],
    ["Magento", "HubSpot", "", "marketing"],
    ["WooCommerce", "ShipStation", "", "fulfillment"],
    ["Shopify", "ShipBob", "", "fulfillment"],
    ["Shopify", "Acme 3PL", "", "fulfillment"],
    ["Shopify", "Cin7", "", "inventory"],
    ["Amazon", "Acme Warehouse", "", "inventory"],
    ["Shopify", "Linnworks", "keep stock levels in sync", "inventory"],
    ["Square", "Shopify", "", "pos"],
    ["Lightspeed", "WooCommerce", "", "pos"],
    ["Clover", "Shopify", "", "pos"],
    ["Square", "Xero", "", "accounting"],
    ["Shopify", "Custom ERP", "", "accounting"],
    ["Shopify", "Airtable", "", "other"],
    ["Shopify", "Airtable", "send invoices to the accounting team", "accounting"],
    ["Shopify", "Airtable", "our purpose and position", "other"],
  ])("%s → %s (%j) is %s", (systemA, systemB, summary, expected) => {
    expect(classifyProject({ systemA, systemB, summary }).types).toEqual([expected]);
  });

  it("is deterministic", () => {
    const input = { systemA: "Square", systemB: "ShipStation", summary: "stock" };
    const runs = Array.from({ length: 5 }, () => JSON.stringify(classifyProject(input)));
    expect(new Set(runs).size).toBe(1);
  });
});

describe("classifying from what is to be done, which weighs more than the system names", () => {
  it("NetSuite → Shopify syncing stock levels is inventory work, and says why", () => {
    const result = classifyProject({
      systemA: "NetSuite",
      systemB: "Shopify",
      workflows: ["Sync stock levels from NetSuite to Shopify"],
    });
    expect(result).toEqual({
      types: ["inventory"],
      reason: "Inventory: the workflows mention stock levels ('Sync stock levels from NetSuite to Shopify')",
    });
  });

  it("NetSuite alone, with nothing said about the work, reads as accounting from its name", () => {
    const result = classifyProject({ systemA: "NetSuite", systemB: "Shopify" });
    expect(result.types).toEqual(["accounting"]);
    expect(result.reason).toBe(
      "Accounting: from the source system's name ('NetSuite'); nothing described about the work names a type yet",
    );
  });

  it("Shopify → QuickBooks posting orders is accounting", () => {
    const result = classifyProject({
      systemA: "Shopify",
      systemB: "QuickBooks Online",
      workflows: ["Post every paid Shopify order to QuickBooks Online"],
      objectives: ["Orders in the books within 15 minutes"],
    });
    expect(result.types).toEqual(["accounting"]);
    expect(result.reason).toBe(
      "Accounting: the workflows mention order posting ('Post every paid Shopify order to QuickBooks Online')",
    );
  });

  it("stock sync plus order posting is two types, the one with more evidence first", () => {
    const result = classifyProject({
      systemA: "Shopify",
      systemB: "NetSuite",
      workflows: ["Sync stock levels from NetSuite to Shopify", "Post Shopify orders to NetSuite"],
      objectives: ["No overselling on busy days"],
    });
    expect(result.types).toEqual(["inventory", "accounting"]);
    expect(result.reason).toBe(
      "Inventory: the workflows mention stock levels ('Sync stock levels from NetSuite to Shopify'); " +
        "Accounting: the workflows mention order posting ('Post Shopify orders to NetSuite')",
    );
  });

  it("a passing mention next to a lot of other work does not add a type", () => {
    const result = classifyProject({
      systemA: "Shopify",
      systemB: "Klaviyo",
      workflows: ["Customer created → Klaviyo profile", "Consent change → list unsubscribe"],
      objectives: ["Post-purchase flow sent within 1 hour of fulfilment", "Consent honoured in 15 minutes"],
      summary: "Run post-purchase and win-back flows",
    });
    expect(result.types).toEqual(["marketing"]);
  });

  it("nothing known is a general data sync", () => {
    expect(classifyProject({ systemA: "Shopify", systemB: "Airtable" })).toEqual({
      types: ["other"],
      reason:
        "General data sync: neither the systems nor the work described point to a type with features of its own",
    });
  });

  it("reads the interview's answers: workflows, objectives, pain points and the executive summary", () => {
    const project = { systemA: "NetSuite", systemB: "Shopify", summary: null };
    expect(classifyAnswers(project, {}).types).toEqual(["accounting"]);
    expect(
      classifyAnswers(project, {
        workflows: ["Nightly inventory push per location"],
        pain_points: ["We oversell on weekends"],
      }).types,
    ).toEqual(["inventory"]);
    expect(
      classifyAnswers(project, { executive_summary: "Send shipments to the 3PL and tracking back" }).types,
    ).toEqual(["fulfillment"]);
  });
});
