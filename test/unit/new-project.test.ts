import { describe, expect, it } from "vitest";
import { formatProjectCode, validateNewProject } from "../../src/domain/project.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";

const today = "2026-11-22";
const valid = {
  name: "Acme order sync",
  clientName: "Acme",
  systemA: "Shopify",
  systemB: "QuickBooks Online",
};

describe("validating a new project", () => {
  it("accepts the four required fields and defaults the rest", () => {
    const result = validateNewProject(valid, today, isSlackUserId);
    expect(result).toEqual({
      ok: true,
      value: {
        ...valid,
        integrationType: "auto",
        leadEngineerId: null,
        projectManagerId: null,
        targetGoLive: null,
        volumeEstimate: null,
        summary: null,
      },
    });
  });

  it.each([
    [{ name: "  " }, "name", "Project name is required."],
    [{ name: "x".repeat(81) }, "name", "Project name must be at most 80 characters."],
    [{ clientName: undefined }, "clientName", "Client name is required."],
    [{ systemB: " shopify " }, "systemB", "The target system must differ from the source system."],
    [
      { targetGoLive: "2026-11-21" },
      "targetGoLive",
      "The go-live date is in the past. Pick today or a later date.",
    ],
    [{ integrationType: "crm" }, "integrationType", "Pick an integration type."],
    [{ leadEngineerId: "<!channel>" }, "leadEngineerId", "Pick a person from the list."],
    [{ name: "\u0000\u0007\u001b" }, "name", "Project name is required."],
    [{ clientName: "--- !!! ---" }, "clientName", "Client name needs at least one letter or number."],
    [{ targetGoLive: "2027-02-31" }, "targetGoLive", "That date does not exist. Pick one from the calendar."],
  ])("refuses %j on the right field", (change, field, message) => {
    const result = validateNewProject({ ...valid, ...change }, today, isSlackUserId);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [field]: message });
  });

  it("keeps the words of a name and drops the invisible control characters around them", () => {
    const result = validateNewProject(
      { ...valid, name: "\u0007Acme\u0000 order sync" },
      today,
      isSlackUserId,
    );
    expect(result.ok && result.value.name).toBe("Acme order sync");
  });

  it("allows a go-live of today", () => {
    expect(validateNewProject({ ...valid, targetGoLive: today }, today, isSlackUserId).ok).toBe(true);
  });

  it("numbers projects INT-0001, INT-0002, ...", () => {
    expect(formatProjectCode(1)).toBe("INT-0001");
    expect(formatProjectCode(12345)).toBe("INT-12345");
  });
});
