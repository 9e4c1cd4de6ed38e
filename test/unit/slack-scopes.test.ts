import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The bot scopes each Web API method needs, from its reference page on docs.slack.dev
 * (https://docs.slack.dev/reference/methods/<method>, "Facts → Scopes → Bot token"; the same as the `scope` of
 * slack-ruby/slack-api-ref's docs.slack.dev/methods/<method>.json). Where a page accepts one scope per kind of
 * conversation (conversations.info, users.conversations: channels:read, groups:read, im:read, mpim:read, the
 * granular form of `conversations:read`), the scopes for what intplan reaches are listed: public channels
 * (channels:read) and private ones (groups:read). An empty list: "No scope required".
 *
 * Methods other parts of intplan are adding are listed too (users.info, conversations.info,
 * users.conversations), so the test asks for their scopes as soon as they are called.
 */
const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.getPermalink": [],
  "pins.add": ["pins:write"],
  "views.open": [],
  "views.push": [],
  "views.update": [],
  "views.publish": [],
  "canvases.create": ["canvases:write"],
  "canvases.edit": ["canvases:write"],
  "canvases.delete": ["canvases:write"],
  "canvases.access.set": ["canvases:write"],
  "canvases.sections.lookup": ["canvases:read"],
  "conversations.canvases.create": ["canvases:write"],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
  "files.info": ["files:read"],
  "users.info": ["users:read"],
  "conversations.info": ["channels:read", "groups:read"],
  "users.conversations": ["channels:read", "groups:read"],
  // conversations.open opens the DM of an ask (`/intplan ask`): im:write for a 1:1 DM (mpim:write is for
  // group DMs, which intplan does not open).
  "conversations.open": ["im:write"],
};

/** WebClient helpers made of several Web API methods (@slack/web-api's `filesUploadV2`). */
const WRAPPERS: Readonly<Record<string, readonly string[]>> = {
  filesUploadV2: ["files.getUploadURLExternal", "files.completeUploadExternal"],
};

/**
 * Scopes the app's features need rather than a method: slash commands and shortcuts need `commands`
 * (https://docs.slack.dev/reference/scopes/commands: "Add shortcuts and/or slash commands that people can use").
 */
function featureScopes(manifest: {
  features?: { slash_commands?: unknown[]; shortcuts?: unknown[] };
}): string[] {
  const { slash_commands = [], shortcuts = [] } = manifest.features ?? {};
  return slash_commands.length + shortcuts.length > 0 ? ["commands"] : [];
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every Web API method src/ calls, with where: `client.chat.postMessage(`, `apiCall("…")`, `filesUploadV2(`. */
function methodsCalled(): { method: string; where: string }[] {
  const found: { method: string; where: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const where = relative(ROOT, file);
    for (const match of text.matchAll(/\b\w*[cC]lient\s*\.\s*((?:[a-z]\w*\s*\.\s*)+[a-z]\w*)\s*\(/g)) {
      const method = (match[1] ?? "").replace(/\s/g, "");
      if (method === "apiCall") continue;
      found.push({ method, where });
    }
    for (const match of text.matchAll(/\.apiCall\(\s*["'`]([\w.]+)["'`]/g)) {
      found.push({ method: match[1] ?? "", where });
    }
    for (const [wrapper, methods] of Object.entries(WRAPPERS)) {
      if (new RegExp(`\\b${wrapper}\\s*\\(`).test(text)) {
        found.push(...methods.map((method) => ({ method, where })));
      }
    }
  }
  return found;
}

const manifest = parse(readFileSync(join(ROOT, "manifest.yml"), "utf8"));

describe("the bot scopes manifest.yml asks for", () => {
  const called = methodsCalled();

  it("finds the Web API calls in src/ (the scan itself works)", () => {
    const methods = new Set(called.map((c) => c.method));
    for (const method of ["chat.postMessage", "views.open", "canvases.access.set", "files.info"]) {
      expect(methods, `expected src/ to call ${method}`).toContain(method);
    }
    expect(methods).toContain("files.completeUploadExternal");
  });

  it("knows the scopes of every method src/ calls", () => {
    const unknown = called
      .filter(({ method }) => !(method in METHOD_SCOPES))
      .map(({ method, where }) => `${where} calls ${method}`);
    expect(
      unknown,
      "Add these methods to METHOD_SCOPES with the bot scopes their page on " +
        "https://docs.slack.dev/reference/methods/<method> gives (and to manifest.yml)",
    ).toEqual([]);
  });

  it("are exactly the scopes the code needs: none missing, none unused", () => {
    const needed = new Set([
      ...called.flatMap(({ method }) => METHOD_SCOPES[method] ?? []),
      ...featureScopes(manifest),
    ]);
    const declared = new Set<string>(manifest.oauth_config.scopes.bot);
    expect({
      missing: [...needed].filter((scope) => !declared.has(scope)).sort(),
      unused: [...declared].filter((scope) => !needed.has(scope)).sort(),
    }).toEqual({ missing: [], unused: [] });
  });
});
