import {
  ErrorCode,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { webClientFor } from "../../emulator/slack-emulator-test-client.js";
import { slackErrorCode } from "../../src/slack/slack-error-code.js";

describe("Slack's error code, read from the error @slack/web-api throws", () => {
  it("is the `error` of an ok:false answer (WebAPIPlatformError)", () => {
    expect(slackErrorCode(new WebAPIPlatformError({ ok: false, error: "not_in_channel" }))).toBe(
      "not_in_channel",
    );
  });

  it("is read from the documented code too (the same error from another copy of the package)", () => {
    const coded = { code: ErrorCode.PlatformError, data: { ok: false, error: "canvas_not_found" } };
    expect(slackErrorCode(coded)).toBe("canvas_not_found");
  });

  it("is undefined for failures Slack gave no code for, and for look-alikes", () => {
    expect(slackErrorCode(new WebAPIRequestError(new Error("socket hang up")))).toBeUndefined();
    expect(slackErrorCode(new WebAPIHTTPError(502, "Bad Gateway", {}, "oops"))).toBeUndefined();
    expect(slackErrorCode(new WebAPIRateLimitedError(6))).toBeUndefined();
    expect(slackErrorCode({ data: { error: "not_a_slack_error" } })).toBeUndefined();
    expect(slackErrorCode(new Error("boom"))).toBeUndefined();
    expect(slackErrorCode(undefined)).toBeUndefined();
    expect(slackErrorCode(null)).toBeUndefined();
  });
});

describe("against the emulator", () => {
  let emulator: SlackEmulator;
  beforeEach(async () => {
    emulator = await startSlackEmulator();
  });
  afterEach(() => emulator.close());

  it("reads the code of a real refused call", async () => {
    const error = await webClientFor(emulator, {}, "xoxp-user")
      .auth.test()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    expect(slackErrorCode(error)).toBe("invalid_auth");
  });
});
