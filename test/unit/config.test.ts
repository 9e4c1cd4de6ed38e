import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";

describe("configuration", () => {
  it("with nothing set, names every missing variable and where to get it", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^SLACK_BOT_TOKEN is not set: .*OAuth & Permissions/);
    expect(result.problems[1]).toMatch(/^SLACK_SIGNING_SECRET is not set: .*Signing Secret/);
  });

  it("uses HTTP mode with defaults when the token and signing secret are given", () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret" });
    expect(result).toEqual({
      ok: true,
      config: {
        slackBotToken: "xoxb-1",
        slackSigningSecret: "s3cret",
        slackAppToken: undefined,
        port: 3000,
        databaseUrl: "./data/intplan.sqlite",
        slackApiUrl: undefined,
        logLevel: "info",
        mode: "http",
      },
    });
  });

  it("uses Socket Mode when an app token is set, without a signing secret", () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(result.ok && result.config.mode).toBe("socket");
  });

  it("adds the trailing slash Bolt needs to SLACK_API_URL", () => {
    const result = parseConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
    });
    expect(result.ok && result.config.slackApiUrl).toBe("http://127.0.0.1:9999/api/");
  });

  it("explains bad values without ever echoing them", () => {
    const secret = "not-a-bot-token-but-secret";
    const result = parseConfig({
      SLACK_BOT_TOKEN: secret,
      SLACK_SIGNING_SECRET: "s",
      PORT: "x",
      LOG_LEVEL: "loud",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join("\n")).not.toContain(secret);
    expect(result.problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN must start with xoxb-/),
      expect.stringMatching(/^PORT must be a number/),
      expect.stringMatching(/^LOG_LEVEL must be one of debug, info, warn, error/),
    ]);
  });
});
