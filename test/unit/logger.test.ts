import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

describe("the logger", () => {
  it("never writes a secret, wherever it appears", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "debug",
      secrets: ["xoxb-secret-token-123", "signing-secret-456"],
      write: (l) => lines.push(l),
    });
    logger.debug("calling with", { headers: { authorization: "Bearer xoxb-secret-token-123" } });
    logger.error(new Error("bad signature for signing-secret-456"));
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).not.toMatch(/xoxb-secret-token-123|signing-secret-456/);
    expect(lines.join("\n")).toContain("[redacted]");
  });

  it("writes only at or above its level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", write: (l) => lines.push(l) });
    logger.info("quiet");
    logger.warn("loud");
    expect(lines).toEqual([expect.stringMatching(/WARN \[intplan\] loud$/)]);
  });
});
