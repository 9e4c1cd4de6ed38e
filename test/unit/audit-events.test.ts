import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AuditEntry, recordAudit } from "../../src/db/audit-log.js";
import { auditLog } from "../../src/db/schema.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

describe("audit events are a closed set of shapes", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  it("stores a known event with its details as written", () => {
    const project = p.addProject("C0AUDITED");
    recordAudit(p.db, {
      projectId: project.id,
      actorId: "U0PM",
      action: "blocker.resolved",
      details: { number: 2, text: "Keys", note: null },
      at: T0,
    });
    const rows = p.db.select().from(auditLog).where(eq(auditLog.projectId, project.id)).all();
    expect(rows.at(-1)).toMatchObject({
      action: "blocker.resolved",
      details: { number: 2, text: "Keys", note: null },
    });
  });

  it("refuses, when type-checked, an unknown action or details that do not fit the action", () => {
    const base = { projectId: 1, actorId: "U0PM", at: T0 };
    // @ts-expect-error: no such action
    const unknown: AuditEntry = { ...base, action: "project.renamed", details: {} };
    // @ts-expect-error: a phase change's details, not a blocker's
    const mismatched: AuditEntry = { ...base, action: "blocker.added", details: { phase: 2, from: "done" } };
    const badStatus: AuditEntry = {
      ...base,
      action: "phase.changed",
      // @ts-expect-error: a status that does not exist
      details: { phase: 2, name: "Development", from: "started", to: "done", note: null },
    };
    expect([unknown, mismatched, badStatus]).toHaveLength(3);
  });
});
