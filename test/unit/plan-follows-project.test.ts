import { describe, expect, it } from "vitest";
import { defaultPhaseOwner, type ProjectTeam, phaseOwner, teamOf } from "../../src/domain/phase-owners.js";
import { behindPlanSince, projectStatus } from "../../src/domain/project-status.js";

const phases = (...statuses: string[]) => statuses.map((status, i) => ({ number: i + 1, status }));

describe("the project's status follows its phases", () => {
  it.each([
    [["not-started", "not-started", "not-started", "not-started", "not-started"], "Planning"],
    [["in-progress", "not-started", "not-started", "not-started", "not-started"], "Planning"],
    [["done", "not-started", "not-started", "not-started", "not-started"], "Planning"],
    [["done", "in-progress", "not-started", "not-started", "not-started"], "In development"],
    [["done", "blocked", "not-started", "not-started", "not-started"], "In development"],
    [["done", "done", "in-progress", "not-started", "not-started"], "Testing"],
    [["done", "done", "done", "in-progress", "not-started"], "Deploying"],
    [["done", "done", "done", "done", "not-started"], "Live"],
    [["done", "done", "done", "done", "in-progress"], "Live"],
    [["done", "done", "done", "done", "done"], "Closed"],
  ])("%j is %s", (statuses, expected) => {
    expect(projectStatus(phases(...statuses))).toBe(expected);
  });

  it("is Planning when no phase is known (an answers file rendered offline)", () => {
    expect(projectStatus([])).toBe("Planning");
  });
});

describe("a phase open past its planned end is behind plan", () => {
  const schedule = {
    phases: [
      { number: 1, end: "2025-10-15" },
      { number: 2, end: "2025-11-30" },
    ],
  };

  it("says since when, for a phase not done after its planned end", () => {
    expect(behindPlanSince({ number: 1, status: "in-progress" }, schedule, "2025-10-16")).toBe("2025-10-15");
    expect(behindPlanSince({ number: 1, status: "not-started" }, schedule, "2025-10-16")).toBe("2025-10-15");
  });

  it("is not behind on its last planned day, once done, or without planned dates", () => {
    expect(behindPlanSince({ number: 1, status: "in-progress" }, schedule, "2025-10-15")).toBeNull();
    expect(behindPlanSince({ number: 1, status: "done" }, schedule, "2026-01-01")).toBeNull();
    expect(behindPlanSince({ number: 2, status: "blocked" }, null, "2026-01-01")).toBeNull();
    expect(behindPlanSince({ number: 3, status: "blocked" }, schedule, "2026-01-01")).toBeNull();
  });
});

describe("phase owners default from the team", () => {
  const team: ProjectTeam = {
    leadEngineerId: "U0LEAD",
    projectManagerId: "U0PM",
    backendDeveloperId: "U0DEV",
    qaEngineerId: "U0QA",
    devopsEngineerId: "U0OPS",
  };
  const nobody: ProjectTeam = {
    leadEngineerId: "U0LEAD",
    projectManagerId: "U0PM",
    backendDeveloperId: null,
    qaEngineerId: null,
    devopsEngineerId: null,
  };

  it("gives each phase its natural owner", () => {
    expect([1, 2, 3, 4, 5].map((n) => defaultPhaseOwner(n, team))).toEqual([
      "U0LEAD",
      "U0DEV",
      "U0QA",
      "U0OPS",
      "U0PM",
    ]);
  });

  it("gives Development to the lead when no backend developer is named, and Testing and Deployment to nobody", () => {
    expect([1, 2, 3, 4, 5].map((n) => defaultPhaseOwner(n, nobody))).toEqual([
      "U0LEAD",
      "U0LEAD",
      null,
      null,
      "U0PM",
    ]);
  });

  it("lets an owner set for the phase win over the default", () => {
    expect(phaseOwner({ number: 3, ownerId: "U0MARIA" }, team)).toBe("U0MARIA");
    expect(phaseOwner({ number: 3, ownerId: null }, team)).toBe("U0QA");
  });

  it("reads the team from the project and the interview's team answers", () => {
    const read = teamOf(
      { leadEngineerId: "U0LEAD", projectManagerId: null },
      { backend_developer: "U0DEV", qa_engineer: "U0QA", devops_engineer: "  " },
    );
    expect(read).toEqual({
      leadEngineerId: "U0LEAD",
      projectManagerId: null,
      backendDeveloperId: "U0DEV",
      qaEngineerId: "U0QA",
      devopsEngineerId: null,
    });
  });
});
