import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { USAGES } from "../../src/slack/command-grammar.js";
import type { ListenerDeps } from "../../src/slack/listeners/listener-deps.js";
import { registerListeners } from "../../src/slack/listeners/register-listeners.js";
import { recordListeners } from "../support/listener-recorder.js";

const manifest = parse(readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8"));
const schema = JSON.parse(
  readFileSync(
    new URL("../fixtures/slack-manifest-schema/manifest.schema.1.0.0.json", import.meta.url),
    "utf8",
  ),
);

/**
 * The literal words a usage starts with, before its first argument or choice: "blocker resolve <id>" →
 * "blocker resolve", "edit plan|discovery" → "edit".
 */
function leadingWords(usage: string): string {
  const words = usage.trim().split(/\s+/);
  const firstArgument = words.findIndex((w) => /^[<[]/.test(w) || w.includes("|"));
  return words.slice(0, firstArgument === -1 ? undefined : firstArgument).join(" ");
}

describe("manifest.yml", () => {
  it("is a manifest Slack accepts (Slack's own JSON Schema)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const valid = ajv.validate(schema, manifest);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("declares exactly what the code listens to", () => {
    const registered = recordListeners((app) => registerListeners(app, {} as ListenerDeps));
    const declared = {
      commands: (manifest.features.slash_commands ?? []).map((c: { command: string }) => c.command).sort(),
      events: (manifest.settings.event_subscriptions?.bot_events ?? []).slice().sort(),
      shortcuts: (manifest.features.shortcuts ?? [])
        .map((s: { callback_id: string }) => s.callback_id)
        .sort(),
    };
    expect(declared).toEqual({
      commands: [...new Set(registered.commands)].sort(),
      events: [...new Set(registered.events)].sort(),
      // ".*" is the catch-all that answers shortcuts intplan no longer has; it declares nothing.
      shortcuts: [...new Set(registered.shortcuts.filter((id) => id !== ".*"))].sort(),
    });
  });

  // Which bot scopes it asks for: test/unit/slack-scopes.test.ts derives them from the methods src/ calls.
  it("lists every subcommand of the grammar in the usage hint Slack shows as people type", () => {
    const [command] = manifest.features.slash_commands as { command: string; usage_hint: string }[];
    const hint = command?.usage_hint ?? "";
    // Slack's published manifest schema: usage_hint is a string of 1 to 1,000 characters.
    const limit =
      schema.definitions["app-manifests.v1.features.slash_commands"].items.properties.usage_hint.maxLength;
    expect(limit).toBe(1000);
    expect(hint.length).toBeLessThanOrEqual(limit);
    // The hint may name subcommands ahead of their code (being added elsewhere), never leave one out.
    const hinted = new Set(hint.split(" | ").map(leadingWords));
    const missing = USAGES.map((u) => leadingWords(u.usage.replace(/^\/intplan\s+/, ""))).filter(
      (words) => !hinted.has(words),
    );
    expect(missing).toEqual([]);
  });

  it("enables interactivity and the Home tab, and sends everything to Bolt's one endpoint", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    for (const url of [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });
});
