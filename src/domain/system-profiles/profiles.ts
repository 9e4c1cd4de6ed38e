import type { ProfileFact, SystemProfile } from "./profile-types.js";

/**
 * The library of well-known systems.
 *
 * How these facts were checked: each was read on the `checkedOn` day from the vendor's own documentation
 * page at `url`, as that page is stored in the team's offline reference library (there is no internet
 * where this was written, so the stored copy, not the live page, is what was read). Nothing here is
 * guessed or taken from third-party write-ups: a fact no vendor page stated was left out, and its question
 * stays for the team to answer. Vendors change their limits; the interview offers these values for a
 * person to confirm or edit for each client.
 */

const CHECKED_ON = "2026-12-02";

const fact = (value: string | readonly string[], url: string): ProfileFact => ({
  value,
  url,
  checkedOn: CHECKED_ON,
});

const SHOPIFY_RATE_LIMITS = "https://shopify.dev/docs/api/usage/rate-limits";
const SHOPIFY_REST_LIMITS = "https://shopify.dev/docs/api/admin-rest/usage/rate-limits";
const SHOPIFY_WEBHOOKS = "https://shopify.dev/docs/apps/build/webhooks";
const SHOPIFY_BULK = "https://shopify.dev/docs/api/usage/bulk-operations/imports";
const SHOPIFY_LIMITS = "https://shopify.dev/api/usage/limits";

/** What Shopify and Shopify Plus share; the limits differ by plan. */
const shopifyFacts = (rateLimit: string): SystemProfile["facts"] => ({
  rate_limit: fact(rateLimit, SHOPIFY_RATE_LIMITS),
  data_formats: fact(["graphql", "json"], SHOPIFY_REST_LIMITS),
  sync_modes: fact(["webhooks", "polling"], SHOPIFY_WEBHOOKS),
  webhooks: fact("yes", SHOPIFY_WEBHOOKS),
  batch_operations: fact(
    "GraphQL bulk operations: asynchronous, results in a JSONL file; up to five at a time per shop (API 2026-01+)",
    SHOPIFY_BULK,
  ),
  quirks: fact(
    [
      "Input arrays take at most 250 items",
      "Pagination stops at 25,000 objects; counts above that read 25,001",
    ],
    SHOPIFY_LIMITS,
  ),
});

const BIGCOMMERCE_LIMITS = "https://developer-beta.bigcommerce.com/docs/start/best-practices/api-rate-limits";

const QBO_LIMITS = "https://developer.intuit.com/app/developer/qbo/docs/learn/limits-and-throttles";
const QBO_WEBHOOKS =
  "https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks/configure-webhooks";
const QBO_CDC =
  "https://developer.intuit.com/app/developer/qbo/docs/learn/explore-the-quickbooks-online-api/change-data-capture";

const NETSUITE_CONCURRENCY =
  "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_1559222360.html";
const NETSUITE_FAQ = "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1504769959.html";
const NETSUITE_SOAP_GOVERNANCE =
  "https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158142272877.html";

const INTACCT_REST_TIERS =
  "https://developer.sage.com/intacct/docs/developer-portal/api-essentials/txn-volume-concurrency-scaling";

export const SYSTEM_PROFILES: readonly SystemProfile[] = [
  {
    id: "shopify-plus",
    name: "Shopify Plus",
    aliases: ["Shopify Plus", "Shopify+"],
    domains: ["shopify.dev"],
    facts: shopifyFacts("GraphQL Admin API: 1000 points/second; REST Admin API: 20 requests/second"),
  },
  {
    id: "shopify",
    name: "Shopify",
    aliases: ["Shopify", "Shopify store", "Shopify Advanced"],
    domains: ["shopify.dev"],
    facts: shopifyFacts(
      "GraphQL Admin API: 100 points/second (Standard), 200 (Advanced); REST Admin API: 2 requests/second (Standard), 4 (Advanced)",
    ),
  },
  {
    id: "woocommerce",
    name: "WooCommerce",
    aliases: ["WooCommerce", "Woo", "Woo Commerce", "WC"],
    domains: ["woocommerce.github.io", "developer.woocommerce.com"],
    facts: {
      auth_method: fact("api_key", "https://developer.woocommerce.com/docs/apis/rest-api/authentication/"),
      data_formats: fact(["json"], "https://woocommerce.github.io/woocommerce-rest-api-docs/wp-api-v2.html"),
      quirks: fact(
        [
          "API keys belong to a WordPress user and act with that user's roles",
          "Deleting the key's WordPress user stops the key working",
        ],
        "https://developer.woocommerce.com/docs/apis/rest-api/authentication/",
      ),
    },
  },
  {
    id: "bigcommerce",
    name: "BigCommerce",
    aliases: ["BigCommerce", "Big Commerce", "BC"],
    domains: ["bigcommerce.com"],
    facts: {
      rate_limit: fact(
        "Per store: 150 requests/30 seconds (Standard, Plus), 450/30 seconds (Pro); Enterprise by plan",
        BIGCOMMERCE_LIMITS,
      ),
      quirks: fact(
        [
          "All apps on a store share the store's quota",
          "The Unlimited Rate Plan (some Enterprise stores) has no request limit",
        ],
        BIGCOMMERCE_LIMITS,
      ),
    },
  },
  {
    id: "quickbooks-online",
    name: "QuickBooks Online",
    aliases: ["QuickBooks Online", "QBO", "QuickBooks", "QB Online", "Intuit QuickBooks"],
    notWith: ["desktop"],
    domains: ["developer.intuit.com"],
    facts: {
      auth_method: fact("oauth2", QBO_WEBHOOKS),
      rate_limit: fact(
        "500 requests/minute per realm ID; 10 requests/second per realm ID and app",
        QBO_LIMITS,
      ),
      sync_modes: fact(["webhooks", "polling"], QBO_CDC),
      webhooks: fact("partial", QBO_WEBHOOKS),
      batch_operations: fact(
        "Batch endpoint: at most 30 payloads per request recommended; 40 batch requests/minute per realm ID and app",
        QBO_LIMITS,
      ),
      quirks: fact(
        [
          "On HTTP 429, wait 60 seconds before retrying",
          "Requests running longer than 120 seconds time out",
          "Other Intuit endpoints share a combined 800 requests/minute per realm ID and app",
        ],
        QBO_LIMITS,
      ),
    },
  },
  {
    id: "xero",
    name: "Xero",
    aliases: ["Xero", "Xero Accounting"],
    domains: ["developer.xero.com"],
    facts: {
      rate_limit: fact(
        "Per organisation: 60 calls/minute, 5,000/day, 5 at once; 10,000 calls/minute per app across all",
        "https://developer.xero.com/faq/limits",
      ),
      quirks: fact(
        ["Rate limits are the same for every app and cannot be raised"],
        "https://developer.xero.com/faq/limits",
      ),
    },
  },
  {
    id: "netsuite",
    name: "NetSuite",
    aliases: ["NetSuite", "Oracle NetSuite", "NetSuite ERP", "NS"],
    domains: ["docs.oracle.com"],
    facts: {
      rate_limit: fact(
        "Concurrent requests per account (service tier plus SuiteCloud Plus licenses), shared by web services and RESTlets",
        NETSUITE_CONCURRENCY,
      ),
      data_formats: fact(["json", "xml"], NETSUITE_SOAP_GOVERNANCE),
      quirks: fact(
        [
          "Developer accounts always have a concurrency limit of five",
          "Sandbox accounts match production's concurrency limit",
        ],
        NETSUITE_FAQ,
      ),
    },
  },
  {
    id: "sage-intacct",
    name: "Sage Intacct",
    aliases: ["Sage Intacct", "Intacct"],
    domains: ["developer.sage.com"],
    facts: {
      rate_limit: fact(
        "REST API: transaction volume and concurrent requests set by the company's performance tier",
        INTACCT_REST_TIERS,
      ),
      quirks: fact(
        [
          "Monthly API transactions over the tier's entitlement are charged as overage, not blocked",
          "Marketplace partner and ISV transactions do not count against the customer's entitlement",
        ],
        INTACCT_REST_TIERS,
      ),
    },
  },
  {
    id: "shipstation",
    name: "ShipStation",
    aliases: ["ShipStation", "Ship Station"],
    domains: ["docs.shipstation.com"],
    facts: {
      auth_method: fact(
        "basic",
        "https://docs.shipstation.com/apis/shipstation-v1/docs/start-here/requirements",
      ),
      rate_limit: fact(
        "200 requests/minute by default (sandbox: 20/minute)",
        "https://docs.shipstation.com/apis/shipengine/docs/guides/rate-limits",
      ),
      quirks: fact(
        [
          "A 429 may come from a carrier or marketplace: check error_source",
          "A 429 carries Retry-After, the seconds to wait",
        ],
        "https://docs.shipstation.com/rate-limits",
      ),
    },
  },
  {
    id: "shipbob",
    name: "ShipBob",
    aliases: ["ShipBob", "Ship Bob"],
    domains: ["developer.shipbob.com"],
    facts: {
      auth_method: fact("api_key", "https://developer.shipbob.com/auth"),
      rate_limit: fact(
        "150 requests/minute per user per application (sliding window), across all ShipBob APIs",
        "https://developer.shipbob.com/rate-limit",
      ),
      webhooks: fact("yes", "https://developer.shipbob.com/webhooks/"),
      quirks: fact(
        [
          "Personal Access Tokens do not expire; OAuth 2.0 is for multi-user and App Store apps",
          "Authentication acts as the account's root user",
          "Sandbox is a separate environment; its data cannot move to production",
        ],
        "https://developer.shipbob.com/auth",
      ),
    },
  },
  {
    id: "klaviyo",
    name: "Klaviyo",
    aliases: ["Klaviyo"],
    domains: ["developers.klaviyo.com"],
    facts: {
      auth_method: fact("api_key", "https://developers.klaviyo.com/en/docs/authenticate_"),
      rate_limit: fact(
        "Per account and endpoint: from 1/s burst, 15/m steady (XS) to 350/s burst, 3500/m steady (XL)",
        "https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling",
      ),
      quirks: fact(
        [
          "OAuth apps get their own quota per installed account; private-key integrations share the account's",
        ],
        "https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling",
      ),
    },
  },
  {
    id: "hubspot",
    name: "HubSpot",
    aliases: ["HubSpot", "Hub Spot", "HubSpot CRM"],
    domains: ["developers.hubspot.com"],
    facts: {
      auth_method: fact("oauth2", "https://developers.hubspot.com/docs/api/usage-details"),
      sync_modes: fact(["webhooks", "polling"], "https://developers.hubspot.com/docs/api/webhooks"),
      webhooks: fact("yes", "https://developers.hubspot.com/docs/api/webhooks"),
      rate_limit: fact(
        "Private apps: 190 requests/10 seconds; 650,000/day (Professional), 1,000,000/day (Enterprise)",
        "https://developers.hubspot.com/changelog/increasing-our-api-limits",
      ),
      quirks: fact(
        ["Refresh access tokens by their expires_in: a 401 is not the sign to fetch a new one"],
        "https://developers.hubspot.com/docs/api/usage-details",
      ),
    },
  },
  {
    id: "mailchimp",
    name: "Mailchimp",
    aliases: ["Mailchimp", "Mail Chimp", "Mailchimp Marketing"],
    domains: ["mailchimp.com", "developer.mailchimp.com"],
    facts: {
      batch_operations: fact(
        "Batch endpoint: up to 500 pending batches per user; more returns 429",
        "https://mailchimp.com/developer/release-notes/batch-api-limit-now-considers-pending-batch-webhooks/",
      ),
      quirks: fact(
        ["Mailchimp recommends OAuth 2 for platform integrations"],
        "https://developer.mailchimp.com/documentation/mailchimp/guides/mailchimp-api-best-practices/",
      ),
    },
  },
  {
    id: "square",
    name: "Square",
    aliases: ["Square", "Square POS", "Squareup"],
    domains: ["developer.squareup.com"],
    facts: {
      sync_modes: fact(
        ["webhooks", "polling"],
        "https://developer.squareup.com/docs/webhooks/webhook-subscriptions-api",
      ),
      webhooks: fact("yes", "https://developer.squareup.com/docs/webhooks-overview"),
      quirks: fact(
        ["A notification can arrive more than once: skip one whose event_id was already handled"],
        "https://developer.squareup.com/docs/webhooks",
      ),
    },
  },
  {
    id: "lightspeed",
    name: "Lightspeed Retail (X-Series)",
    aliases: ["Lightspeed", "Lightspeed Retail", "Lightspeed X-Series"],
    domains: ["x-series-api.lightspeedhq.com"],
    facts: {
      rate_limit: fact(
        "300 × registers + 50 requests per 5 minutes, per retailer per application",
        "https://x-series-api.lightspeedhq.com/docs/rate_limiting",
      ),
      quirks: fact(
        ["An integration's requests and in-store users' requests are limited separately"],
        "https://x-series-api.lightspeedhq.com/docs/rate_limiting",
      ),
    },
  },
  {
    id: "clover",
    name: "Clover",
    aliases: ["Clover", "Clover POS"],
    domains: ["docs.clover.com"],
    facts: {
      auth_method: fact("oauth2", "https://docs.clover.com/dev/docs/oauth-and-tokens-faqs"),
      rate_limit: fact(
        "50 requests/second per app, 16 per token; 10 at once per app, 5 per token",
        "https://docs.clover.com/docs/api-usage-rate-limits",
      ),
      webhooks: fact("yes", "https://docs.clover.com/docs/api-usage-rate-limits"),
      quirks: fact(
        [
          "Access tokens are per merchant, not per API",
          "Merchant-generated API tokens serve internal tools without the OAuth flow",
        ],
        "https://docs.clover.com/dev/docs/oauth-and-tokens-faqs",
      ),
    },
  },
];
