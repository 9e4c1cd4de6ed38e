import { describe, expect, it } from "vitest";
import { basicsOf, changedBasics, validateProjectEdit } from "../../src/domain/project-edit.js";

const isPersonId = (id: string) => /^U[A-Z0-9]+$/.test(id);
const stored = {
  name: "Acme order sync",
  clientName: "Acme Outdoor Co.",
  systemA: "Shopify",
  systemB: "QuickBooks Online",
  integrationTypes: ["accounting" as const],
  integrationTypeSource: "auto" as const,
  leadEngineerId: "U0LEAD",
  projectManagerId: "U0PM",
  targetGoLive: "2026-11-01",
  volumeEstimate: null,
  summary: null,
};
const form = { ...basicsOf(stored) } as Record<string, unknown>;
const validate = (raw: Record<string, unknown>) =>
  validateProjectEdit(raw, { today: "2026-11-22", currentGoLive: stored.targetGoLive, isPersonId });

describe("checking an edit of the project's basics", () => {
  it("shows auto-detected types as none picked", () => {
    expect(basicsOf(stored).integrationTypes).toEqual([]);
    expect(basicsOf({ ...stored, integrationTypeSource: "chosen" }).integrationTypes).toEqual(["accounting"]);
  });

  it("keeps a go-live already past while it is not changed, and refuses a new one in the past", () => {
    expect(validate(form).ok).toBe(true);
    expect(validate({ ...form, targetGoLive: "2026-10-01" })).toEqual({
      ok: false,
      errors: { targetGoLive: "The go-live date is in the past. Pick today or a later date." },
    });
  });

  it("refuses what /intplan new refuses: an empty name, the same system twice, a person who is not one", () => {
    const result = validate({ ...form, name: "  ", systemB: "shopify", leadEngineerId: "maria" });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["leadEngineerId", "name", "systemB"]);
  });

  it("lists each change, before and after, the types as they resolve", () => {
    const result = validate({
      ...form,
      clientName: "Acme Outdoor",
      integrationTypes: ["inventory", "accounting"],
    });
    if (!result.ok) throw new Error("expected valid");
    const changes = changedBasics(basicsOf(stored), result.value, {
      before: { types: ["accounting"], source: "auto" },
      after: { types: ["inventory", "accounting"], source: "chosen" },
    });
    expect(changes).toEqual([
      { field: "clientName", from: "Acme Outdoor Co.", to: "Acme Outdoor" },
      { field: "integrationTypes", from: "Accounting (auto-detected)", to: "Inventory, Accounting" },
    ]);
  });

  it("finds nothing changed when the form is saved as it opened", () => {
    const result = validate(form);
    if (!result.ok) throw new Error("expected valid");
    const same = { types: ["accounting" as const], source: "auto" as const };
    expect(changedBasics(basicsOf(stored), result.value, { before: same, after: same })).toEqual([]);
  });
});
