import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findProjectByChannel } from "../../src/db/project-store.js";
import { isProjectOwner, mayDeleteProject, projectOwners } from "../../src/domain/owners.js";
import { canSignOff } from "../../src/domain/phase-rules.js";
import { logBlockerFromMessage } from "../../src/services/blockers-service.js";
import { askForSignOff, changePhase, signOffPhase } from "../../src/services/phases-service.js";
import { deleteProjectHere, findProjectHere, requestDeletion } from "../../src/services/projects-service.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

/** The use cases, called the way the listeners call them, on a real database. */

describe("a project's owners, the one rule behind sign-off and delete", () => {
  const named = { leadEngineerId: "U0LEAD", projectManagerId: "U0PM", createdBy: "U0CREATOR" };
  const pmOnly = { leadEngineerId: null, projectManagerId: "U0PM", createdBy: "U0CREATOR" };
  const nobody = { leadEngineerId: null, projectManagerId: null, createdBy: "U0CREATOR" };
  const same = { leadEngineerId: "U0PM", projectManagerId: "U0PM", createdBy: "U0CREATOR" };
  it.each([
    { roles: named, owners: ["U0LEAD", "U0PM"] },
    { roles: pmOnly, owners: ["U0PM"] },
    { roles: nobody, owners: ["U0CREATOR"] },
    { roles: same, owners: ["U0PM"] },
  ])("$owners own a project of $roles", ({ roles, owners }) => {
    expect(projectOwners(roles)).toEqual(owners);
    for (const user of ["U0LEAD", "U0PM", "U0CREATOR", "U0OTHER"]) {
      const owner = owners.includes(user);
      expect(isProjectOwner(roles, user), user).toBe(owner);
      expect(canSignOff(roles, user), `sign off: ${user}`).toBe(owner);
      expect(mayDeleteProject(roles, user), `delete: ${user}`).toBe(owner);
    }
  });
});

describe("services", () => {
  let p: ProjectDb;
  let now: Date;
  const deps = () => ({ db: p.db, clock: () => now, timing: { refreshDelayMs: 0 } });
  const here = () => ({ teamId: "T0TEAM", channelId: "C0PROJECT" });
  beforeEach(() => {
    p = openProjectDb();
    now = T0;
  });
  afterEach(() => p.close());

  describe("finding the project a request is about", () => {
    it.each([
      {
        why: "the channel's project",
        place: { teamId: "T0TEAM", channelId: "C0PROJECT" },
        id: "own",
        found: true,
      },
      {
        why: "the channel's project, unnamed",
        place: { teamId: "T0TEAM", channelId: "C0PROJECT" },
        id: "none",
        found: true,
      },
      {
        why: "another channel's project",
        place: { teamId: "T0TEAM", channelId: "C0PROJECT" },
        id: "other",
        found: false,
      },
      {
        why: "a channel without one",
        place: { teamId: "T0TEAM", channelId: "C0EMPTY" },
        id: "own",
        found: false,
      },
      {
        why: "another workspace",
        place: { teamId: "T0ELSE", channelId: "C0PROJECT" },
        id: "own",
        found: false,
      },
      {
        why: "by id, without a channel",
        place: { teamId: "T0TEAM", channelId: undefined },
        id: "own",
        found: false,
      },
      {
        why: "nothing named, no channel",
        place: { teamId: "T0TEAM", channelId: undefined },
        id: "none",
        found: false,
      },
    ])("$why: found $found", ({ place, id, found }) => {
      const other = p.addProject("C0OTHER");
      const projectId = id === "own" ? p.project.id : id === "other" ? other.id : undefined;
      expect(findProjectHere({ db: p.db }, place, projectId)?.id).toBe(found ? p.project.id : undefined);
    });
  });

  describe("phases and sign-off", () => {
    it("a phase done with open exit criteria waits for an owner, who may sign it off", () => {
      const asked = changePhase(deps(), {
        project: p.project,
        phaseNumber: 1,
        status: "done",
        note: null,
        actorId: "U0DEV",
      });
      expect(asked).toMatchObject({
        kind: "needs-sign-off",
        signers: ["U0LEAD", "U0PM"],
        canSignOff: false,
        request: { projectId: p.project.id, phaseNumber: 1, note: null },
      });
      if (asked.kind !== "needs-sign-off") return;
      expect(asked.openCriteria.length).toBeGreaterThan(0);

      const request = asked.request;
      expect(signOffPhase(deps(), { place: here(), request, actorId: "U0DEV" })).toEqual({
        kind: "not-allowed",
        signers: ["U0LEAD", "U0PM"],
      });
      const signed = signOffPhase(deps(), { place: here(), request, actorId: "U0PM" });
      expect(signed).toMatchObject({ kind: "signed-off", change: { previousStatus: "not-started" } });
      if (signed.kind === "signed-off") expect(signed.change.phase.signedOffBy).toBe("U0PM");
      expect(signOffPhase(deps(), { place: here(), request, actorId: "U0PM" }).kind).toBe("already-done");
    });

    it.each([
      {
        why: "an unreadable button",
        request: undefined,
        place: { teamId: "T0TEAM", channelId: "C0PROJECT" },
      },
      {
        why: "another channel",
        request: "own" as const,
        place: { teamId: "T0TEAM", channelId: "C0OTHER" },
      },
      {
        why: "another workspace",
        request: "own" as const,
        place: { teamId: "T0ELSE", channelId: "C0PROJECT" },
      },
    ])("sign-off from $why is not here, and changes nothing", ({ request, place }) => {
      p.addProject("C0OTHER");
      const r = request && { projectId: p.project.id, phaseNumber: 1, note: null };
      expect(signOffPhase(deps(), { place, request: r, actorId: "U0PM" })).toEqual({ kind: "not-here" });
      expect(askForSignOff(deps(), { place, request: r, actorId: "U0PM" })).toEqual({ kind: "not-here" });
    });

    it("asking for sign-off names the owners while criteria are open", () => {
      const request = { projectId: p.project.id, phaseNumber: 1, note: null };
      expect(askForSignOff(deps(), { place: here(), request, actorId: "U0DEV" })).toMatchObject({
        kind: "ask",
        signers: ["U0LEAD", "U0PM"],
      });
    });

    it("a change that changes nothing says so", () => {
      const args = { project: p.project, phaseNumber: 2, status: "not-started" as const, note: null };
      expect(changePhase(deps(), { ...args, actorId: "U0DEV" })).toEqual({ kind: "unchanged" });
    });
  });

  describe("deleting a project", () => {
    it.each([
      { who: "U0LEAD", outcome: "deleted" },
      { who: "U0PM", outcome: "deleted" },
      { who: "U0DEV", outcome: "not-allowed" },
    ])("$who asking: $outcome", ({ who, outcome }) => {
      expect(requestDeletion(p.project, who).kind).toBe(outcome === "deleted" ? "confirm" : "not-allowed");
      const result = deleteProjectHere({ db: p.db }, { place: here(), projectId: p.project.id, userId: who });
      expect(result.kind).toBe(outcome);
      const left = findProjectByChannel(p.db, { teamId: "T0TEAM", channelId: "C0PROJECT" });
      expect(Boolean(left)).toBe(outcome !== "deleted");
    });

    it("a forged or foreign id deletes nothing", () => {
      const other = p.addProject("C0OTHER");
      for (const projectId of [undefined, 0, other.id, 99999]) {
        expect(deleteProjectHere({ db: p.db }, { place: here(), projectId, userId: "U0PM" }).kind).toBe(
          "not-here",
        );
      }
      expect(findProjectByChannel(p.db, { teamId: "T0TEAM", channelId: "C0OTHER" })).toBeDefined();
    });
  });

  describe("logging a message as a blocker", () => {
    const input = (text: string) => ({ text, ownerId: null, waitingOnClient: false });
    const log = (text: string, place = here(), projectId = p.project.id) =>
      logBlockerFromMessage(deps(), {
        place,
        projectId,
        input: input(text),
        message: { ts: "1700000000.000100", permalink: async () => "https://example.slack.com/p1" },
        actorId: "U0DEV",
      });

    it("checks the project before the text, and the text before saving", async () => {
      expect((await log("   ", { teamId: "T0TEAM", channelId: "C0EMPTY" })).kind).toBe("not-here");
      expect(await log("   ")).toMatchObject({ kind: "invalid" });
      expect(await log("The  sandbox is  down")).toMatchObject({
        kind: "added",
        blocker: { text: "The sandbox is down", sourcePermalink: "https://example.slack.com/p1" },
      });
      expect(await log("The sandbox is down")).toMatchObject({ kind: "already-logged" });
    });
  });
});
