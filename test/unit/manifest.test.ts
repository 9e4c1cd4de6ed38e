import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { AppDeps } from "../../src/deps.js";
import { registerListeners } from "../../src/slack/listeners/register-listeners.js";
import { recordListeners } from "../support/listener-recorder.js";

const manifest = parse(readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8"));
const schema = JSON.parse(
  readFileSync(
    new URL("../fixtures/slack-manifest-schema/manifest.schema.1.0.0.json", import.meta.url),
    "utf8",
  ),
);

describe("manifest.yml", () => {
  it("is a manifest Slack accepts (Slack's own JSON Schema)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const valid = ajv.validate(schema, manifest);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("declares exactly what the code listens to", () => {
    const registered = recordListeners((app) => registerListeners(app, {} as AppDeps));
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

  it("asks for the bot scopes intplan uses", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        "commands",
        "chat:write",
        "canvases:write",
        "canvases:read",
        "files:write",
        // files.info: the permalink of a frozen version's Word file.
        "files:read",
        "users:read",
        "channels:read",
        "groups:read",
        "pins:write",
      ]),
    );
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
