import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateValues } from "../../emulator/signed-client.js";
import {
  interviewOf,
  interviewScreen,
  keepSectionInput,
  projectInterviewProgress,
  resolveStartSection,
  SUMMARY,
  sectionAfter,
  sectionBefore,
  sectionOrSummary,
} from "../../src/services/discovery-interview.js";
import { isSlackUserId } from "../../src/slack/slack-user-id.js";
import { readSectionState } from "../../src/slack/views/interview-view.js";
import { partialSectionState, sectionState } from "../support/interview.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

describe("where the discovery interview opens", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  const deps = () => ({ db: p.db, clock: () => T0, timing: { refreshDelayMs: 0 } });
  const interview = () => interviewOf(p.project);
  const sections = () => interview().questionnaire.sections;

  /** Someone answers a section in its modal and presses Next (or closes it, with `submit: false`). */
  const answer = (index: number, state: StateValues, submit = true) => {
    const section = sections()[index];
    if (!section) throw new Error(`no section ${index}`);
    const screen = interviewScreen(deps(), interview(), index);
    return keepSectionInput(deps(), interview(), {
      sectionIndex: index,
      shownDigests: screen.kind === "section" ? screen.shownDigests : undefined,
      raw: readSectionState(section, state as unknown as Parameters<typeof readSectionState>[1]),
      actorId: "U0PM",
      submit,
      isPersonId: isSlackUserId,
    });
  };

  it("opens a new project's interview at its first section", () => {
    expect(resolveStartSection(deps(), p.project, null)).toEqual({ ok: true, sectionIndex: 0 });
  });

  it("opens at the first section not yet finished", () => {
    const first = sections()[0];
    if (!first) throw new Error("no first section");
    expect(answer(0, sectionState(first)).errors).toEqual({});
    expect(resolveStartSection(deps(), p.project, null)).toEqual({ ok: true, sectionIndex: 1 });
  });

  it("opens where someone left off, before any section still unfinished", () => {
    const third = sections()[2];
    const question = third?.questions[0];
    if (!third || !question) throw new Error("no third section");
    // Closed midway with something typed: the section keeps a draft, and the interview goes back to it.
    answer(
      2,
      partialSectionState(third, { [question.id]: sectionState(third)[question.id]?.[question.id] ?? {} }),
      false,
    );
    expect(resolveStartSection(deps(), p.project, null)).toEqual({ ok: true, sectionIndex: 2 });
  });

  it("opens the summary once every section is finished", () => {
    sections().forEach((section, index) => {
      expect(answer(index, sectionState(section)).errors).toEqual({});
    });
    expect(projectInterviewProgress(deps(), p.project).sectionsComplete).toBe(sections().length);
    expect(resolveStartSection(deps(), p.project, null)).toEqual({ ok: true, sectionIndex: SUMMARY });
  });

  it("opens a section named in the command, whatever is unfinished", () => {
    const last = sections().length - 1;
    const title = sections()[last]?.title ?? "";
    expect(resolveStartSection(deps(), p.project, title)).toEqual({ ok: true, sectionIndex: last });
  });

  it("answers a name that matches no section with the list of sections", () => {
    const start = resolveStartSection(deps(), p.project, "no such section anywhere");
    expect(start.ok).toBe(false);
    if (start.ok) return;
    expect(start.error).toContain('No section matches "no such section anywhere"');
    expect(start.error).toContain(`1. ${sections()[0]?.title}`);
  });

  it("moves Back no further than the first section, and Next past the last one to the summary", () => {
    const ctx = interview();
    expect(sectionBefore(0)).toBe(0);
    expect(sectionBefore(3)).toBe(2);
    expect(sectionAfter(ctx, 0)).toBe(1);
    expect(sectionAfter(ctx, sections().length - 1)).toBe(SUMMARY);
    expect(sectionAfter(ctx, SUMMARY)).toBe(0);
    expect(sectionOrSummary(ctx, 99)).toBe(SUMMARY);
  });
});
