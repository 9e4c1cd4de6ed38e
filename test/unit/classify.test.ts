import { describe, expect, it } from "vitest";
import { classifyIntegration } from "../../src/domain/classify.js";

describe("auto-detecting the integration type", () => {
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
    expect(classifyIntegration({ systemA, systemB, summary })).toBe(expected);
  });

  it("is deterministic", () => {
    const input = { systemA: "Square", systemB: "ShipStation", summary: "stock" };
    expect(new Set(Array.from({ length: 5 }, () => classifyIntegration(input))).size).toBe(1);
  });
});
