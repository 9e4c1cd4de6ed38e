/**
 * The bad-input corpus: slash texts and interaction payloads that are malformed, out of place, forged or
 * hostile. Each one gets a clear answer within Slack's 3 seconds, changes nothing in the database, posts
 * nothing in any channel, and leaves the app healthy for the next person.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSignedClient,
  type SlackRequestResult,
  type StateValues,
} from "../../emulator/signed-client.js";
import { deleteProject } from "../../src/db/project-deletion.js";
import { findProjectByChannel } from "../../src/db/project-store.js";
import { form, newProjectForm, stateValues } from "../support/forms.js";
import { startTestApp, TEST_SIGNING_SECRET, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const OTHER_CHANNEL = "C0OTHER";
const EMPTY_CHANNEL = "C0EMPTY";
const OTHER_TEAM = "T0OTHERTEAM";
const HUGE = "x".repeat(40_000);
const RTL = "\u202Eטקסט מימין לשמאל\u202C";
const CONTROL = "\u0000\u0007\u001b\u0008\u007f";
const MASS_MENTIONS = /<!(channel|here|everyone|subteam)/;
const IMPERSONATED = "<@U0IMPOSTER>";

interface SlashCase {
  why: string;
  text: string;
  /** What the ephemeral reply must say. */
  reply: RegExp;
  channelId?: string;
  teamId?: string;
  userId?: string;
}

const usage = (sub: string) => new RegExp(`Usage: \`/intplan ${sub}`);
const NO_PROJECT = /no integration project yet/;
const UNKNOWN = /Unknown subcommand/;

const SLASH_CASES: SlashCase[] = [
  // Unknown subcommands
  { why: "a made-up subcommand", text: "frobnicate", reply: UNKNOWN },
  { why: "a typo of a subcommand", text: "stauts", reply: UNKNOWN },
  { why: "a subcommand in another language", text: "estado", reply: UNKNOWN },
  { why: "a number as the subcommand", text: "42", reply: UNKNOWN },
  { why: "punctuation only", text: "?!?", reply: UNKNOWN },
  { why: "an emoji as the subcommand", text: "🚀 launch", reply: UNKNOWN },
  { why: "a 40,000-character subcommand", text: HUGE, reply: UNKNOWN },
  { why: "right-to-left text", text: RTL, reply: UNKNOWN },
  { why: "control characters before a word", text: `${CONTROL}wat`, reply: UNKNOWN },
  { why: "a channel-wide mention", text: "<!channel> wake up", reply: UNKNOWN },
  { why: "an @here", text: "<!here>", reply: UNKNOWN },
  { why: "an @everyone", text: "<!everyone>", reply: UNKNOWN },
  { why: "a user-group mention", text: "<!subteam^S0TEAM|@devs>", reply: UNKNOWN },
  { why: "a user mention as the subcommand", text: `${IMPERSONATED} says hi`, reply: UNKNOWN },
  { why: "a fake link", text: "<https://evil.example|Open the plan>", reply: UNKNOWN },
  { why: "Markdown injection", text: "**bold** [click](https://evil.example)", reply: UNKNOWN },
  { why: "Handlebars injection", text: "{{#each this}}{{this}}{{/each}}", reply: UNKNOWN },
  { why: "triple-stash Handlebars", text: "{{{constructor.constructor}}}", reply: UNKNOWN },
  { why: "HTML", text: "<script>alert(1)</script>", reply: UNKNOWN },
  { why: "SQL", text: "'; DROP TABLE projects; --", reply: UNKNOWN },
  { why: "a path", text: "../../etc/passwd", reply: UNKNOWN },
  { why: "a slash command inside the text", text: "/intplan delete", reply: UNKNOWN },
  // Extra arguments to subcommands that take none
  { why: "extra words after new", text: "new Acme sync", reply: usage("new") },
  { why: "extra words after plan", text: "plan now please", reply: usage("plan") },
  { why: "extra words after discovery", text: "discovery all", reply: usage("discovery") },
  { why: "extra words after status", text: "status --verbose", reply: usage("status") },
  { why: "extra words after blockers", text: "blockers all", reply: usage("blockers") },
  { why: "extra words after help", text: "help me", reply: usage("help") },
  { why: "extra words after delete", text: "delete everything now", reply: usage("delete") },
  { why: "a mass mention after status", text: "status <!channel>", reply: usage("status") },
  { why: "40,000 characters after plan", text: `plan ${HUGE}`, reply: usage("plan") },
  // Missing or malformed arguments
  { why: "phase with nothing", text: "phase", reply: usage("phase") },
  { why: "phase without a status", text: "phase 2", reply: usage("phase") },
  { why: "phase with a status that is not one", text: "phase 2 maybe", reply: usage("phase") },
  { why: "phase 0", text: "phase 0 done", reply: /There is no phase "0"/ },
  { why: "phase 6", text: "phase 6 done", reply: /There is no phase "6"/ },
  { why: "a negative phase", text: "phase -1 done", reply: /There is no phase "-1"/ },
  { why: "a fractional phase", text: "phase 1.5 done", reply: /There is no phase "1\.5"/ },
  { why: "a huge phase number", text: "phase 99999999999999999999 done", reply: /There is no phase/ },
  { why: "a phase named by emoji", text: "phase 🚀 done", reply: /There is no phase/ },
  { why: "a phase that is a mass mention", text: "phase <!channel> done", reply: /There is no phase/ },
  { why: "a phase that mentions a user", text: `phase ${IMPERSONATED} done`, reply: /There is no phase/ },
  { why: "a phase in right-to-left text", text: `phase ${RTL} done`, reply: /There is no phase/ },
  { why: "a 40,000-character phase name", text: `phase ${HUGE} done`, reply: /There is no phase/ },
  { why: "a phase note of 40,000 characters", text: `phase 1 in-progress ${HUGE}`, reply: usage("phase") },
  { why: "a status word but no phase", text: "phase done", reply: usage("phase") },
  { why: "blocker with nothing", text: "blocker", reply: usage("blocker") },
  { why: "blocker with only spaces", text: "blocker      ", reply: usage("blocker") },
  { why: "blocker of control characters only", text: `blocker ${CONTROL}`, reply: usage("blocker") },
  { why: "a 40,000-character blocker", text: `blocker ${HUGE}`, reply: usage("blocker") },
  { why: "blocker resolve without an id", text: "blocker resolve", reply: usage("blocker resolve") },
  { why: "blocker resolve with a word", text: "blocker resolve first", reply: usage("blocker resolve") },
  { why: "blocker resolve with a negative id", text: "blocker resolve -3", reply: usage("blocker resolve") },
  { why: "blocker resolve with a decimal id", text: "blocker resolve 1.5", reply: usage("blocker resolve") },
  { why: "blocker resolve with a hex id", text: "blocker resolve 0x1", reply: usage("blocker resolve") },
  {
    why: "blocker resolve with a 10-digit id",
    text: "blocker resolve 1234567890",
    reply: usage("blocker resolve"),
  },
  { why: "blocker resolve of an emoji", text: "blocker resolve 🚀", reply: usage("blocker resolve") },
  {
    why: "blocker resolve of a mass mention",
    text: "blocker resolve <!channel>",
    reply: usage("blocker resolve"),
  },
  {
    why: "blocker resolve of an id that does not exist",
    text: "blocker resolve 999",
    reply: /no blocker #999/,
  },
  { why: "blocker resolve with a hash and no such id", text: "blocker resolve #77", reply: /no blocker #77/ },
  {
    why: "blocker resolve with a 40,000-character note",
    text: `blocker resolve 999 ${HUGE}`,
    reply: usage("blocker resolve"),
  },
  { why: "export of something that is not a document", text: "export slides", reply: usage("export") },
  { why: "export of two documents", text: "export plan discovery", reply: usage("export") },
  { why: "export with Handlebars", text: "export {{plan}}", reply: usage("export") },
  { why: "history of page zero", text: "history 0", reply: usage("history") },
  { why: "history of a negative page", text: "history -2", reply: usage("history") },
  { why: "history of a word", text: "history latest", reply: usage("history") },
  { why: "history of a huge page", text: "history 123456789", reply: usage("history") },
  { why: "an interview section that does not exist", text: "interview astrology", reply: /section/i },
  { why: "an interview section number out of range", text: "interview 99", reply: /section/i },
  { why: "an interview section of 40,000 characters", text: `interview ${HUGE}`, reply: /section/i },
  { why: "an interview section that is a mass mention", text: "interview <!channel>", reply: /section/i },
  // The right words in the wrong place: a channel without a project, another workspace
  { why: "status where there is no project", text: "status", channelId: EMPTY_CHANNEL, reply: NO_PROJECT },
  {
    why: "phase where there is no project",
    text: "phase 1 done",
    channelId: EMPTY_CHANNEL,
    reply: NO_PROJECT,
  },
  {
    why: "blocker where there is no project",
    text: "blocker x",
    channelId: EMPTY_CHANNEL,
    reply: NO_PROJECT,
  },
  {
    why: "blocker resolve where there is no project",
    text: "blocker resolve 1",
    channelId: EMPTY_CHANNEL,
    reply: NO_PROJECT,
  },
  { why: "plan where there is no project", text: "plan", channelId: EMPTY_CHANNEL, reply: NO_PROJECT },
  { why: "delete where there is no project", text: "delete", channelId: EMPTY_CHANNEL, reply: NO_PROJECT },
  { why: "history where there is no project", text: "history", channelId: EMPTY_CHANNEL, reply: NO_PROJECT },
  { why: "export where there is no project", text: "export", channelId: EMPTY_CHANNEL, reply: NO_PROJECT },
  {
    why: "interview where there is no project",
    text: "interview",
    channelId: EMPTY_CHANNEL,
    reply: NO_PROJECT,
  },
  {
    why: "a project's channel id from another workspace",
    text: "phase 1 done",
    teamId: OTHER_TEAM,
    reply: NO_PROJECT,
  },
  {
    why: "blocker from another workspace",
    text: "blocker Leak it",
    teamId: OTHER_TEAM,
    reply: NO_PROJECT,
  },
  { why: "delete from another workspace", text: "delete", teamId: OTHER_TEAM, reply: NO_PROJECT },
  { why: "status from another workspace", text: "status", teamId: OTHER_TEAM, reply: NO_PROJECT },
  {
    why: "a second project in a channel that has one",
    text: "new",
    reply: /already has (a|an integration) project/,
  },
  {
    why: "delete by someone who is neither lead nor PM",
    text: "delete",
    userId: "U0INTRUDER",
    reply: /Only the project's lead engineer \(<@U0LEAD>\) or project manager \(<@U0PM>\)/,
  },
  // Whitespace and case
  { why: "a status in shouting case with no phase", text: "PHASE DONE", reply: usage("phase") },
  { why: "tabs and newlines between words", text: "phase\t\n2", reply: usage("phase") },
  { why: "a zero-width space before a made-up subcommand", text: "\u200Bfrobnicate", reply: /"frobnicate"/ },
  { why: "a byte-order mark before a made-up subcommand", text: "\uFEFFwat", reply: /"wat"/ },
  { why: "a right-to-left mark inside a subcommand", text: "sta\u200Ftus", reply: UNKNOWN },
];

interface Snapshot {
  [table: string]: unknown[];
}

describe("bad input: every malformed, misplaced or hostile request is answered and changes nothing", () => {
  let t: TestApp;
  let projectId: number;
  let otherProjectId: number;
  let sectionViewId: string;
  let otherTeam: ReturnType<typeof createSignedClient>;

  /** Every row of every table but the request-dedupe ledger, which records each request by design. */
  function snapshot(): Snapshot {
    const sqlite = new Database(t.databasePath, { readonly: true });
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name <> 'processed_requests' order by name",
      )
      .all() as { name: string }[];
    try {
      return Object.fromEntries(
        tables.map(({ name }) => [name, sqlite.prepare(`select * from "${name}" order by rowid`).all()]),
      );
    } finally {
      sqlite.close();
    }
  }

  const channelPosts = () => t.emulator.callsTo("chat.postMessage").length;

  /** The request's reply must be quick, and nothing may have changed or been posted. */
  async function expectNothingChanged(before: Snapshot, postsBefore: number, res: SlackRequestResult) {
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    // Whatever background work the request started is done before looking.
    await t.idle();
    expect(snapshot()).toEqual(before);
    expect(channelPosts()).toBe(postsBefore);
  }

  function expectSafeText(text: string) {
    expect(text).not.toMatch(MASS_MENTIONS);
    expect(text).not.toContain(IMPERSONATED);
    expect(text).not.toMatch(/<https:\/\/evil/);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    await createProjectThroughSlack(t, {
      channelId: OTHER_CHANNEL,
      form: { name: form.text("Other team's sync") },
    });
    const scope = { teamId: t.emulator.teamId };
    projectId = findProjectByChannel(t.db, { ...scope, channelId: CHANNEL })?.id ?? 0;
    otherProjectId = findProjectByChannel(t.db, { ...scope, channelId: OTHER_CHANNEL })?.id ?? 0;
    const interview = await t.slack.command({ text: "interview", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
    sectionViewId = openedViewId(
      await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === interview.triggerId),
    );
    otherTeam = createSignedClient({
      appUrl: `${t.baseUrl}/slack/events`,
      signingSecret: TEST_SIGNING_SECRET,
      emulator: t.emulator,
      teamId: OTHER_TEAM,
    });
    // The project cards' background refreshes are done before any snapshot is taken.
    await t.idle();
  });

  afterAll(async () => {
    await t.close();
  });

  describe("slash commands", () => {
    it.each(SLASH_CASES)("$why: a clear ephemeral reply", async (c) => {
      const before = snapshot();
      const posts = channelPosts();
      const res = await t.slack.command({
        text: c.text,
        channelId: c.channelId ?? CHANNEL,
        teamId: c.teamId,
        userId: c.userId ?? "U0PM",
      });
      const body = res.body as { response_type?: string; text?: string; blocks?: unknown[] };
      expect(body.response_type).toBe("ephemeral");
      expect(body.text).toMatch(c.reply);
      expect((body.text ?? "").length).toBeLessThan(3_000);
      expectSafeText(JSON.stringify(body));
      await expectNothingChanged(before, posts, res);
    });
  });

  interface InteractionCase {
    why: string;
    send: () => Promise<SlackRequestResult>;
    /** Checks the answer the person got: the HTTP reply, a response_url message or a view update. */
    answer: (res: SlackRequestResult) => Promise<void>;
  }

  const replyVia = async (res: SlackRequestResult, says: RegExp) => {
    await t.idle();
    const reply = await t.emulator.waitForResponse((r) => r.url === res.responseUrl);
    const payload = reply.body as { text?: string; response_type?: string; replace_original?: boolean };
    expect(payload.text).toMatch(says);
    expectSafeText(JSON.stringify(payload));
  };
  const viewShows = async (viewId: string, says: RegExp) => {
    await t.idle();
    const update = await t.emulator.waitForCall(
      "views.update",
      (c) => c.args.view_id === viewId && JSON.stringify(c.args.view).match(says) !== null,
    );
    expect(update.answer?.ok).toBe(true);
  };
  const submissionErrors = (res: SlackRequestResult, field: string, says: RegExp) => {
    const body = res.body as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors?.[field]).toMatch(says);
    expectSafeText(JSON.stringify(body));
  };
  const updatesTo = (res: SlackRequestResult, says: RegExp) => {
    const body = res.body as { response_action?: string; view?: unknown };
    expect(body.response_action).toBe("update");
    expect(JSON.stringify(body.view)).toMatch(says);
  };

  const button = (actionId: string, value: string, options: { userId?: string; channelId?: string } = {}) =>
    t.slack.blockAction({
      actionId,
      value,
      userId: options.userId ?? "U0PM",
      channelId: options.channelId ?? CHANNEL,
      messageTs: "1700000000.000100",
    });
  const signOffValue = (p: unknown, n: unknown) => JSON.stringify({ p, n, note: null });
  const NOT_HERE = /not in this channel|no longer exists here/;

  const interviewButton = (actionId: string, privateMetadata: string, value?: string) =>
    t.slack.blockAction({
      actionId,
      value,
      userId: "U0PM",
      view: {
        ...(t.emulator.views.get(sectionViewId) ?? {}),
        id: sectionViewId,
        private_metadata: privateMetadata,
      },
    });
  const GONE = /no longer exists in this channel/;

  const newProject = (overrides: Parameters<typeof newProjectForm>[0], metadata?: string) =>
    t.slack.viewSubmission({
      userId: "U0PM",
      callbackId: "new_project",
      privateMetadata: metadata ?? JSON.stringify({ channelId: EMPTY_CHANNEL }),
      values: newProjectForm(overrides),
    });
  const logBlocker = (metadata: unknown, values: StateValues) =>
    t.slack.viewSubmission({
      userId: "U0PM",
      callbackId: "log_blocker",
      privateMetadata: typeof metadata === "string" ? metadata : JSON.stringify(metadata),
      values,
    });
  const blockerForm = (text: string) => stateValues({ text: form.text(text) });
  const checklist = (metadata: unknown, ticked: string[]) =>
    t.slack.viewSubmission({
      userId: "U0PM",
      callbackId: "checklist",
      privateMetadata: typeof metadata === "string" ? metadata : JSON.stringify(metadata),
      values: stateValues({ p1_task_0: form.checkboxes(ticked) }),
    });

  const INTERACTION_CASES: InteractionCase[] = [
    // The delete confirmation, forged
    ...["", "abc", "-1", "0", "99999", "1e3", "1; DROP TABLE projects", "<!channel>"].map((value) => ({
      why: `Delete with the project id "${value}"`,
      send: () => button("project_delete_confirm", value),
      answer: (res: SlackRequestResult) => replyVia(res, /nothing was deleted/),
    })),
    {
      why: "Delete of another channel's project, pressed here",
      send: () => button("project_delete_confirm", String(otherProjectId)),
      answer: (res) => replyVia(res, /nothing was deleted/),
    },
    {
      why: "Delete of this project from another workspace",
      send: () =>
        otherTeam.blockAction({
          actionId: "project_delete_confirm",
          value: String(projectId),
          userId: "U0PM",
          channelId: CHANNEL,
          messageTs: "1700000000.000100",
        }),
      answer: (res) => replyVia(res, /nothing was deleted/),
    },
    {
      why: "Delete pressed by someone who is neither lead nor PM",
      send: () => button("project_delete_confirm", String(projectId), { userId: "U0INTRUDER" }),
      answer: (res) => replyVia(res, /Only the project's lead engineer/),
    },
    // Phase sign-off, forged
    ...["", "not json", "{}", "[]", "null", signOffValue("1", 1), signOffValue(1, 9), signOffValue(1, 0)].map(
      (value) => ({
        why: `Sign off with the value ${JSON.stringify(value)}`,
        send: () => button("phase_sign_off", value),
        answer: (res: SlackRequestResult) => replyVia(res, NOT_HERE),
      }),
    ),
    {
      why: "Sign off of another channel's project, pressed here",
      send: () => button("phase_sign_off", signOffValue(otherProjectId, 1)),
      answer: (res) => replyVia(res, NOT_HERE),
    },
    {
      why: "Sign off by someone who is neither lead nor PM",
      send: () => button("phase_sign_off", signOffValue(projectId, 1), { userId: "U0INTRUDER" }),
      answer: (res) => replyVia(res, /Only <@U0LEAD> or <@U0PM> can sign off/),
    },
    {
      why: "Ask for sign-off of another channel's project",
      send: () => button("phase_ask_sign_off", signOffValue(otherProjectId, 2)),
      answer: (res) => replyVia(res, NOT_HERE),
    },
    {
      why: "Ask for sign-off with garbage",
      send: () => button("phase_ask_sign_off", "%%%"),
      answer: (res) => replyVia(res, NOT_HERE),
    },
    // Status board, interview and history buttons out of place
    ...[
      ["another channel's project id", () => String(otherProjectId)],
      ["a word", () => "abc"],
      ["nothing", () => ""],
    ].map(([what, value]) => ({
      why: `The status board's checklist button with ${what}`,
      send: () => button("status_board_checklist", (value as () => string)()),
      answer: (res: SlackRequestResult) => replyVia(res, /not in this channel/),
    })),
    {
      why: "The checklist button in a channel without a project",
      send: () => button("status_board_checklist", String(projectId), { channelId: EMPTY_CHANNEL }),
      answer: (res) => replyVia(res, /not in this channel/),
    },
    ...[
      ["another channel's project id", () => String(otherProjectId)],
      ["a word", () => "abc"],
      ["a negative id", () => "-7"],
    ].map(([what, value]) => ({
      why: `Start discovery interview with ${what}`,
      send: () => button("project_start_interview", (value as () => string)()),
      answer: (res: SlackRequestResult) => replyVia(res, /not in this channel/),
    })),
    {
      why: "History paging in a channel without a project",
      send: () => button("history_older", "2", { channelId: EMPTY_CHANNEL }),
      answer: (res) => replyVia(res, /no project/),
    },
    {
      why: "A button intplan does not have",
      send: () => button("self_destruct", "now"),
      answer: (res) => replyVia(res, /does nothing now/),
    },
    // The interview modal, with forged private_metadata
    ...[
      "",
      "not json",
      JSON.stringify({ p: 99999, s: 0 }),
      JSON.stringify({ p: "1", s: 0 }),
      JSON.stringify({ p: 1, s: 9999 }),
      JSON.stringify({ p: 1, s: -7 }),
    ].map((metadata) => ({
      why: `Skip in an interview modal whose metadata is ${JSON.stringify(metadata)}`,
      send: () => interviewButton("interview_skip", metadata),
      answer: () => viewShows(sectionViewId, GONE),
    })),
    {
      why: "Back in an interview modal of another workspace's project",
      send: () =>
        otherTeam.blockAction({
          actionId: "interview_back",
          userId: "U0PM",
          view: { ...(t.emulator.views.get(sectionViewId) ?? {}), id: sectionViewId },
        }),
      answer: () => viewShows(sectionViewId, GONE),
    },
    // Each with its own view hash: the same view submitted twice is a double click, answered once.
    ...[JSON.stringify({ p: 99999, s: 0 }), "{", JSON.stringify({ p: 1, s: 4242 })].map((metadata, n) => ({
      why: `Next on an interview section whose metadata is ${JSON.stringify(metadata)}`,
      send: () =>
        t.slack.viewSubmission({
          userId: "U0PM",
          viewId: sectionViewId,
          callbackId: "interview_section",
          privateMetadata: metadata,
          hash: `forged-${n}`,
          values: {},
        }),
      answer: async (res: SlackRequestResult) => updatesTo(res, GONE),
    })),
    {
      why: "Next on an interview section sent from another workspace",
      send: () =>
        otherTeam.viewSubmission({
          userId: "U0PM",
          viewId: sectionViewId,
          callbackId: "interview_section",
          privateMetadata: JSON.stringify({ p: projectId, s: 0 }),
          hash: "other-workspace",
          values: {},
        }),
      answer: async (res) => updatesTo(res, GONE),
    },
    // The new-project modal, with bad fields or forged metadata
    {
      why: "A new project with no name",
      send: () => newProject({ name: form.text("   ") }),
      answer: async (res) => submissionErrors(res, "name", /./),
    },
    {
      why: "A new project with a 40,000-character name",
      send: () => newProject({ name: form.text(HUGE) }),
      answer: async (res) => submissionErrors(res, "name", /./),
    },
    {
      why: "A new project whose name is control characters",
      send: () => newProject({ name: form.text(CONTROL) }),
      answer: async (res) => submissionErrors(res, "name", /./),
    },
    {
      why: "A new project with an impossible go-live date",
      send: () => newProject({ target_go_live: form.date("2027-02-31") }),
      answer: async (res) => submissionErrors(res, "target_go_live", /./),
    },
    {
      why: "A new project going live in the past",
      send: () => newProject({ target_go_live: form.date("2001-01-01") }),
      answer: async (res) => submissionErrors(res, "target_go_live", /./),
    },
    {
      why: "A new project whose lead is a mass mention",
      send: () => newProject({ lead_engineer: form.user("<!channel>") }),
      answer: async (res) => submissionErrors(res, "lead_engineer", /./),
    },
    {
      why: "A new project with an integration type that does not exist",
      send: () => newProject({ integration_type: form.select("teleportation") }),
      answer: async (res) => submissionErrors(res, "integration_type", /./),
    },
    {
      why: "A new project for a channel that already has one",
      send: () => newProject({}, JSON.stringify({ channelId: CHANNEL })),
      answer: async (res) => submissionErrors(res, "name", /already has a project/),
    },
    ...["", "{}", JSON.stringify({ channelId: "<!channel>" }), JSON.stringify({ channelId: 7 })].map(
      (metadata) => ({
        why: `A new-project form whose metadata is ${JSON.stringify(metadata)}`,
        send: () => newProject({}, metadata),
        answer: async (res: SlackRequestResult) => submissionErrors(res, "name", /out of date/),
      }),
    ),
    // The blocker modal and the checklist modal, forged
    {
      why: "A blocker logged into another channel's project",
      send: () =>
        logBlocker({ projectId: otherProjectId, channelId: CHANNEL, messageTs: "1.2" }, blockerForm("Leak")),
      answer: async (res) => submissionErrors(res, "text", /project is gone/),
    },
    {
      why: "A blocker with garbage metadata",
      send: () => logBlocker("]]", blockerForm("Leak")),
      answer: async (res) => submissionErrors(res, "text", /project is gone/),
    },
    {
      why: "A blocker of 40,000 characters",
      send: () => logBlocker({ projectId, channelId: CHANNEL, messageTs: "1.2" }, blockerForm(HUGE)),
      answer: async (res) => submissionErrors(res, "text", /./),
    },
    {
      why: "A blocker that is only spaces",
      send: () => logBlocker({ projectId, channelId: CHANNEL, messageTs: "1.2" }, blockerForm("    ")),
      answer: async (res) => submissionErrors(res, "text", /./),
    },
    {
      why: "Checklist ticks for another channel's project",
      send: () => checklist({ projectId: otherProjectId, channelId: CHANNEL, ticked: [] }, ["1"]),
      answer: async (res) => updatesTo(res, /not saved|nothing was saved|not in this channel/i),
    },
    {
      why: "Checklist ticks with garbage metadata",
      send: () => checklist("nope", ["1"]),
      answer: async (res) => updatesTo(res, /not saved|nothing was saved|not in this channel/i),
    },
    {
      why: "Checklist ticks of items that belong to another project",
      send: () => checklist({ projectId, channelId: CHANNEL, ticked: [] }, ["999999", "-1", "abc"]),
      answer: async (res) => expect(res.body).toBe(""),
    },
    {
      why: "A modal intplan never made",
      send: () => t.slack.viewSubmission({ userId: "U0PM", callbackId: "mystery_modal", values: {} }),
      answer: async (res) => expect(res.body).toBe(""),
    },
    {
      why: "Log as blocker in a channel without a project",
      send: () =>
        t.slack.messageShortcut({
          callbackId: "log_as_blocker",
          message: { ts: "1700000000.000200", text: "We are stuck", user: "U0DEV" },
          channelId: EMPTY_CHANNEL,
          userId: "U0PM",
        }),
      answer: (res) => replyVia(res, /no integration project/),
    },
  ];

  describe("buttons, modals and shortcuts", () => {
    it.each(INTERACTION_CASES)("$why: answered, nothing changed", async (c) => {
      const before = snapshot();
      const posts = channelPosts();
      const res = await c.send();
      await c.answer(res);
      await expectNothingChanged(before, posts, res);
    });
  });

  it("a submission for a project deleted while the modal was open saves nothing and says why", async () => {
    const doomed = "C0DOOMED";
    await createProjectThroughSlack(t, { channelId: doomed, form: { name: form.text("Doomed sync") } });
    const project = findProjectByChannel(t.db, { teamId: t.emulator.teamId, channelId: doomed });
    const open = await t.slack.command({ text: "interview", channelId: doomed, userId: "U0PM" });
    await t.idle();
    const viewId = openedViewId(
      await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === open.triggerId),
    );
    deleteProject(t.db, project?.id ?? 0);
    await t.idle();
    const before = snapshot();
    const posts = channelPosts();
    const res = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: stateValues({ current_state: form.text("By hand, in spreadsheets") }),
    });
    updatesTo(res, GONE);
    await expectNothingChanged(before, posts, res);
  });

  it("the corpus holds at least 100 requests", () => {
    expect(SLASH_CASES.length + INTERACTION_CASES.length).toBeGreaterThanOrEqual(100);
  });

  it("after the whole corpus the app is healthy and still answers", async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const res = await t.slack.command({ text: "status", channelId: CHANNEL });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    expect(t.logs.filter((line) => /unhandled|uncaught/i.test(line))).toEqual([]);
  });
});
