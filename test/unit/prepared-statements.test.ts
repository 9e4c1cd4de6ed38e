import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "../../src/db/audit-log.js";
import { claimRequest } from "../../src/db/processed-requests.js";
import { auditLog, processedRequests } from "../../src/db/schema.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

/** Statements prepared once per database still take part in the transaction they run in. */
/** An audit event of a known kind, told apart by the item it names. */
const checklistTick = (
  item: string,
): { action: "checklist.updated"; details: { ticked: string[]; unticked: string[] } } => ({
  action: "checklist.updated",
  details: { ticked: [item], unticked: [] },
});

describe("prepared statements inside transactions", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  it("a request is claimed once; a claim that meets a known key stores none of its keys", () => {
    expect(claimRequest(p.db, ["event:1", "retry:1"], T0)).toBe(true);
    expect(claimRequest(p.db, ["event:2", "retry:1"], T0)).toBe(false);
    expect(claimRequest(p.db, ["event:1"], T0)).toBe(false);
    expect(
      p.db
        .select()
        .from(processedRequests)
        .all()
        .map((r) => r.key)
        .sort(),
    ).toEqual(["event:1", "retry:1"]);
    expect(claimRequest(p.db, ["event:2"], T0)).toBe(true);
  });

  it("an audit row written in a transaction that fails is rolled back with it", () => {
    const project = p.addProject("C0AUDIT");
    const before = p.db.select().from(auditLog).all().length;
    expect(() =>
      p.db.transaction((tx) => {
        recordAudit(tx, { projectId: project.id, actorId: "U0PM", ...checklistTick("first"), at: T0 });
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    p.db.transaction((tx) => {
      recordAudit(tx, { projectId: project.id, actorId: "U0PM", ...checklistTick("second"), at: T0 });
    });
    const ticks = p.db
      .select()
      .from(auditLog)
      .all()
      .map((r) => (r.details as { ticked?: string[] }).ticked?.[0]);
    expect(ticks).toHaveLength(before + 1);
    expect(ticks).toContain("second");
    expect(ticks).not.toContain("first");
  });
});
