import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findStatusBoard } from "../../src/db/status-board-store.js";
import {
  boardIsCurrent,
  refreshStatusBoard,
  type StatusBoardFacts,
  type StatusBoardPort,
  showStatusBoard,
} from "../../src/services/status-board-state.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

type Update = Awaited<ReturnType<StatusBoardPort<string>["update"]>>;

/** A board message kept in memory: each call is recorded, and the next update answers as told. */
function fakeBoard() {
  const calls: string[] = [];
  let nextUpdate: Update = { kind: "updated" };
  let nextPost: { ts: string } | { error: string; cause?: unknown } = { ts: "1.000" };
  let label = "v1";
  const port: StatusBoardPort<string> = {
    render: (facts: StatusBoardFacts) => ({ content: `${facts.project.code} ${label}`, fingerprint: label }),
    async post(channelId) {
      calls.push(`post ${channelId}`);
      return nextPost;
    },
    async update(_channelId, ts) {
      calls.push(`update ${ts}`);
      return nextUpdate;
    },
    async pin(_channelId, ts) {
      calls.push(`pin ${ts}`);
      return { pinned: true };
    },
    isRetryable: (error) => error === "rate limited",
  };
  return {
    port,
    calls,
    showNext: (next: string) => {
      label = next;
    },
    updateAnswers: (answer: Update) => {
      nextUpdate = answer;
    },
    postAnswers: (answer: typeof nextPost) => {
      nextPost = answer;
    },
  };
}

describe("the status board's rules", () => {
  let p: ProjectDb;
  let now: Date;
  const warnings: string[] = [];
  beforeEach(() => {
    p = openProjectDb();
    now = T0;
    warnings.length = 0;
  });
  afterEach(() => p.close());
  const deps = () => ({
    db: p.db,
    clock: () => now,
    logger: { warn: (m: unknown) => warnings.push(String(m)) },
  });

  it("posts and pins the board the first time, then trusts it while nothing on it changes", async () => {
    const board = fakeBoard();
    expect(boardIsCurrent(deps(), board.port, p.project)).toBe(false);
    expect(await showStatusBoard(deps(), board.port, p.project)).toEqual({ kind: "posted", ts: "1.000" });
    expect(board.calls).toEqual(["post C0PROJECT", "pin 1.000"]);
    expect(boardIsCurrent(deps(), board.port, p.project)).toBe(true);
    board.showNext("v2");
    expect(boardIsCurrent(deps(), board.port, p.project)).toBe(false);
  });

  it("edits the same message on the next status, and posts a new one when Slack lost it", async () => {
    const board = fakeBoard();
    await showStatusBoard(deps(), board.port, p.project);
    board.showNext("v2");
    expect(await showStatusBoard(deps(), board.port, p.project)).toEqual({ kind: "updated", ts: "1.000" });
    board.showNext("v3");
    board.updateAnswers({ kind: "gone" });
    board.postAnswers({ ts: "2.000" });
    expect(await showStatusBoard(deps(), board.port, p.project)).toEqual({ kind: "posted", ts: "2.000" });
    expect(findStatusBoard(p.db, p.project.id)?.ts).toBe("2.000");
  });

  it("a refresh leaves a project without a board alone", async () => {
    const board = fakeBoard();
    await refreshStatusBoard(deps(), board.port, p.project.id);
    expect(board.calls).toEqual([]);
  });

  it("a refresh keeps a lost board's row when Slack briefly refuses the new one, so the retry posts anew", async () => {
    const board = fakeBoard();
    await showStatusBoard(deps(), board.port, p.project);
    board.showNext("v2");
    board.updateAnswers({ kind: "gone" });
    board.postAnswers({ error: "ratelimited", cause: "rate limited" });
    await expect(refreshStatusBoard(deps(), board.port, p.project.id)).rejects.toBe("rate limited");
    expect(findStatusBoard(p.db, p.project.id)?.ts).toBe("1.000");
  });

  it("a refresh skips, with a warning, a channel the bot cannot reach", async () => {
    const board = fakeBoard();
    await showStatusBoard(deps(), board.port, p.project);
    board.showNext("v2");
    board.updateAnswers({ kind: "unreachable", error: "not_in_channel" });
    await refreshStatusBoard(deps(), board.port, p.project.id);
    expect(warnings.join("\n")).toContain("not_in_channel");
  });
});
