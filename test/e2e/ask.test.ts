import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSignedClient } from "../../emulator/signed-client.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { asks, auditLog, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import { startTestApp, TEST_SIGNING_SECRET, type TestApp } from "../support/harness.js";
import { answerSectionThroughSlack, sectionState } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";
import { privateReplies } from "../support/replies.js";

const CHANNEL = "C0PROJECT";
const PM = "U0PM";
const DANA = "U0DANA";
const DAY = 24 * 60 * 60 * 1000;
/** Section 5 of the v2 questionnaire: the second system's API. */
const SECTION_5 = QUESTIONNAIRE_V2.sections[4];

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");
const isAsk = (call: RecordedCall) => JSON.stringify(call.args.blocks ?? []).includes("ask_open_sections");
const blocksText = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe("/intplan ask: ask the person who knows", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL, userId: PM });
    await t.slack.command({ text: "status", userId: PM, channelId: CHANNEL });
    await t.idle();
  });
  afterEach(async () => {
    await t.close();
  });

  const ask = async (text: string, userId = PM) => {
    const res = await t.slack.command({ text: `ask ${text}`, userId, channelId: CHANNEL });
    await t.idle();
    return { res, replies: privateReplies(t, res) };
  };
  const lastBoard = () => t.emulator.callsTo("chat.update").filter(isBoard).at(-1);
  const askRows = () => t.db.select().from(asks).all();
  const askPosts = () => t.emulator.callsTo("chat.postMessage").filter(isAsk);

  /** The person presses the ask's button where the message is; resolves with the modal it opened. */
  async function pressAnswer(post: RecordedCall, userId: string, client = t.slack) {
    const button = (post.args.blocks as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "ask_open_sections");
    const before = t.emulator.callsTo("views.open").length;
    await client.blockAction({
      actionId: "ask_open_sections",
      value: button?.value,
      userId,
      channelId: String(post.args.channel),
      messageTs: String(post.answer?.ts),
    });
    await t.idle();
    return t.emulator.callsTo("views.open")[before];
  }

  it("/intplan ask @dana 5 gives Dana a DM with a button that opens section 5, and the board shows what she owes until she answers", async () => {
    const { replies } = await ask(`<@${DANA}|dana> 5 -- the volumes, please`);
    expect(replies.join("\n")).toContain(`Asked <@${DANA}> for *5. `);
    expect(replies.join("\n")).toContain("the board shows it until they answer");

    // A DM: conversations.open with Dana, then the message with the button in that IM.
    const open = t.emulator.lastCall("conversations.open");
    expect(open?.args.users).toBe(DANA);
    const dm = askPosts()[0];
    expect(dm?.args.channel).toBe((open?.answer?.channel as { id?: string } | undefined)?.id);
    expect(String(dm?.args.channel)).toMatch(/^D/);
    expect(blocksText(dm)).toContain(`<@${PM}> asks you to answer`);
    expect(blocksText(dm)).toContain("the volumes, please");
    expect(blocksText(dm)).toContain(`<#${CHANNEL}>`);
    expect(blocksText(dm)).toMatch(/"text":"Answer 5\. [^"]+ API"/);
    // The ask was stored first, then where Slack took the message.
    expect(askRows()).toEqual([
      expect.objectContaining({
        personId: DANA,
        sectionId: SECTION_5?.id,
        messageChannel: dm?.args.channel,
        messageTs: dm?.answer?.ts,
        closedAt: null,
      }),
    ]);

    // The board, edited in place, shows what Dana owes.
    expect(blocksText(lastBoard())).toContain(`Waiting on <@${DANA}>: 5. `);
    expect(blocksText(lastBoard())).toContain("asked just now");
    t.advance(2 * DAY);
    await t.slack.command({ text: "status", userId: PM, channelId: CHANNEL });
    await t.idle();
    expect(blocksText(lastBoard())).toContain("asked 2 days ago");

    // Dana presses the button: the interview opens on section 5 only, with what is known filled in.
    const opened = await pressAnswer(dm as RecordedCall, DANA);
    const modal = opened?.args.view as { private_metadata: string; callback_id: string; blocks: unknown[] };
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ s: 4, a: [4] });
    const section = SECTION_5 as NonNullable<typeof SECTION_5>;
    await t.slack.viewSubmission({
      userId: DANA,
      viewId: openedViewId(opened as RecordedCall),
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: sectionState(section),
    });
    await t.idle();

    // Saved and thanked; the walk ends (no summary of the rest of the interview).
    const shown = t.emulator.views.get(openedViewId(opened as RecordedCall));
    expect(JSON.stringify(shown?.view ?? shown)).toContain("Thank you!");
    expect(askRows()[0]).toMatchObject({ closedReason: "answered", closedBy: DANA });
    // Her DM says it was answered, edited in place: no new message.
    const edit = t.emulator.callsTo("chat.update").find((c) => c.args.channel === dm?.args.channel);
    expect(edit?.args.ts).toBe(dm?.answer?.ts);
    expect(blocksText(edit)).toContain("answered by");
    expect(blocksText(edit)).not.toContain("ask_open_sections");
    expect(askPosts()).toHaveLength(1);
    // And the board no longer lists her.
    expect(blocksText(lastBoard())).not.toContain("Waiting on");
  });

  it("in a shared channel, someone of another organisation is mentioned in the channel with the same button (no DM)", async () => {
    t.emulator.addChannel({ id: CHANNEL, is_ext_shared: true, members: [PM, "U0CLIENT"] });
    t.emulator.users.set("U0CLIENT", {
      id: "U0CLIENT",
      name: "casey",
      real_name: "Casey Client",
      tz: "UTC",
      is_bot: false,
      team_id: "T0CLIENTORG",
      profile: { display_name: "casey", real_name: "Casey Client" },
    });
    const { replies } = await ask("<@U0CLIENT|casey> 5");
    expect(t.emulator.callsTo("conversations.open")).toHaveLength(0);
    const post = askPosts()[0];
    expect(post?.args.channel).toBe(CHANNEL);
    expect(blocksText(post)).toContain("<@U0CLIENT>");
    // The PM is named, not mentioned: their own command does not notify them.
    expect(blocksText(post)).not.toContain(`<@${PM}>`);
    expect(replies.join("\n")).toContain("in this channel");
    expect(askRows()[0]).toMatchObject({ messageChannel: CHANNEL, messageTs: post?.answer?.ts });

    // Casey's click comes from their own workspace: the ask is what lets them open section 5.
    const casey = createSignedClient({
      appUrl: `${t.baseUrl}/slack/events`,
      signingSecret: TEST_SIGNING_SECRET,
      emulator: t.emulator,
      teamId: "T0CLIENTORG",
    });
    const opened = await pressAnswer(post as RecordedCall, "U0CLIENT", casey);
    const modal = opened?.args.view as { private_metadata: string; callback_id: string };
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ a: [4] });
    await casey.viewSubmission({
      userId: "U0CLIENT",
      viewId: openedViewId(opened as RecordedCall),
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: sectionState(SECTION_5 as NonNullable<typeof SECTION_5>),
    });
    await t.idle();
    expect(askRows()[0]).toMatchObject({ closedReason: "answered", closedBy: "U0CLIENT" });
  });

  it("the PM completing the section in the interview answers Dana's ask too: her DM says so, the board drops her", async () => {
    await ask(`<@${DANA}|dana> 5`);
    const dm = askPosts()[0];
    await answerSectionThroughSlack(t, { channelId: CHANNEL, userId: PM, index: 4 });
    expect(askRows()[0]).toMatchObject({ closedReason: "answered", closedBy: PM });
    const edit = t.emulator.callsTo("chat.update").find((c) => c.args.channel === dm?.args.channel);
    expect(blocksText(edit)).toContain(`answered by <@${PM}>`);
    expect(blocksText(lastBoard())).not.toContain("Waiting on");
    // Dana's button now just says so.
    expect(await pressAnswer(dm as RecordedCall, DANA)).toBeUndefined();
    expect(t.emulator.responses.at(-1)?.body.text).toContain("You have answered these already");
  });

  it("a button for several sections walks only those, in order, then thanks and ends", async () => {
    await ask(`<@${DANA}|dana> 8, 5`);
    const dm = askPosts()[0] as RecordedCall;
    expect(blocksText(dm)).toContain('"text":"Answer 2 sections"');
    const opened = await pressAnswer(dm, DANA);
    const viewId = openedViewId(opened as RecordedCall);
    const submit = async (index: number) => {
      const shown = t.emulator.views.get(viewId)?.view as { private_metadata: string; callback_id: string };
      expect(JSON.parse(shown.private_metadata)).toMatchObject({ s: index, a: [4, 7] });
      await t.slack.viewSubmission({
        userId: DANA,
        viewId,
        callbackId: shown.callback_id,
        privateMetadata: shown.private_metadata,
        values: sectionState(QUESTIONNAIRE_V2.sections[index] as NonNullable<typeof SECTION_5>),
      });
      await t.idle();
    };
    await submit(4);
    // Section 5 answered: the DM keeps a button, for 8 only; the modal moved on to section 8.
    const edit = t.emulator.callsTo("chat.update").find((c) => c.args.channel === dm.args.channel);
    expect(blocksText(edit)).toContain('"text":"Answer 8. Security and compliance"');
    await submit(7);
    expect(JSON.stringify(t.emulator.views.get(viewId))).toContain("Thank you!");
    expect(askRows().every((a) => a.closedReason === "answered")).toBe(true);
  });

  it("someone who was not asked cannot use the button outside the project's channel", async () => {
    await ask(`<@${DANA}|dana> 5`);
    const dm = askPosts()[0] as RecordedCall;
    const opened = await pressAnswer(dm, "U0STRANGER");
    expect(opened).toBeUndefined();
    expect(t.emulator.responses.at(-1)?.body.text).toContain("This button is for the person who was asked");
  });

  it("a DM Slack refuses is told plainly, and the ask is kept", async () => {
    t.emulator.failNext("conversations.open", { kind: "error", error: "missing_scope" });
    const { replies } = await ask(`<@${DANA}|dana> 5`);
    expect(replies.join("\n")).toContain("was *not notified*");
    expect(replies.join("\n")).toContain("im:write");
    expect(askRows()).toEqual([expect.objectContaining({ personId: DANA, messageTs: null, closedAt: null })]);
    expect(blocksText(lastBoard())).toContain(`Waiting on <@${DANA}>`);
  });

  it("asking again for an open ask does not ask twice", async () => {
    await ask(`<@${DANA}|dana> 5`);
    t.advance(DAY);
    const { replies } = await ask(`<@${DANA}|dana> 5`);
    expect(replies.join("\n")).toContain("was already asked for");
    expect(replies.join("\n")).toContain("(asked yesterday)");
    expect(askRows()).toHaveLength(1);
    expect(askPosts()).toHaveLength(1);
  });

  it("ask cancel closes the asks and the message says they are no longer needed; ask alone lists who owes what", async () => {
    await ask(`<@${DANA}|dana> 5, 8`);
    const list = await ask("");
    expect(list.replies.join("\n")).toMatch(
      /Waiting on <@U0DANA>: 5\. .+, 8\. Security and compliance, asked just now/,
    );

    const res = await t.slack.command({
      text: `ask cancel <@${DANA}|dana> 8`,
      userId: PM,
      channelId: CHANNEL,
    });
    await t.idle();
    expect(privateReplies(t, res).join("\n")).toContain("Cancelled the ask of <@U0DANA> for *8. Security");
    const dm = askPosts()[0];
    // One section is still owed: the message keeps its button, for that section only.
    const edit = t.emulator.callsTo("chat.update").find((c) => c.args.channel === dm?.args.channel);
    expect(blocksText(edit)).toContain("ask_open_sections");
    expect(blocksText(edit)).not.toContain("Security");

    // Cancelling everyone's asks asks to confirm first.
    const all = await t.slack.command({ text: "ask cancel", userId: PM, channelId: CHANNEL });
    await t.idle();
    expect(JSON.stringify(all.body)).toContain("ask_cancel_all");
    expect(askRows().filter((a) => a.closedAt === null)).toHaveLength(1);
    const projectId = t.db.select().from(projects).get()?.id;
    await t.slack.blockAction({
      actionId: "ask_cancel_all",
      value: String(projectId),
      userId: PM,
      channelId: CHANNEL,
      messageTs: "1.0",
    });
    await t.idle();
    expect(askRows().every((a) => a.closedReason === "cancelled" && a.closedBy === PM)).toBe(true);
    const last = t.emulator
      .callsTo("chat.update")
      .filter((c) => c.args.channel === dm?.args.channel)
      .at(-1);
    expect(blocksText(last)).toContain("no longer needed");
    expect(blocksText(lastBoard())).not.toContain("Waiting on");

    const history = await t.slack.command({ text: "history", userId: PM, channelId: CHANNEL });
    await t.idle();
    const shown = JSON.stringify(history.body) + JSON.stringify(t.emulator.responses.map((r) => r.body));
    expect(shown).toContain("asked <@U0DANA> for system b api, security");
    expect(shown).toContain("cancelled the ask of <@U0DANA> for security");
  });

  it("bad input changes nothing: no person, an unknown section, no section, a bot, oneself", async () => {
    t.emulator.users.set("U0BOT", {
      id: "U0BOT",
      name: "somebot",
      real_name: "Some Bot",
      tz: "UTC",
      is_bot: true,
      profile: { display_name: "somebot", real_name: "Some Bot" },
    });
    const audits = t.db.select().from(auditLog).all().length;
    const noPerson = await ask("5");
    expect(noPerson.replies.join("\n")).toContain("Say who to ask");
    const unknown = await ask(`<@${DANA}|dana> 99`);
    expect(unknown.replies.join("\n")).toContain('No section matches "99"');
    const none = await ask(`<@${DANA}|dana>`);
    expect(none.replies.join("\n")).toContain("Say which sections to ask for");
    expect(none.replies.join("\n")).toContain("Still incomplete:");
    const bot = await ask("<@U0BOT|somebot> 5");
    expect(bot.replies.join("\n")).toContain("is an app, not a person");
    const self = await ask(`<@${PM}|pm> 5`);
    expect(self.replies.join("\n")).toContain("Asking yourself");
    const two = await ask(`<@${DANA}|dana> <@U0BOT|somebot> 5`);
    expect(two.replies.join("\n")).toContain("one person at a time");

    expect(askRows()).toHaveLength(0);
    expect(t.emulator.callsTo("conversations.open")).toHaveLength(0);
    expect(askPosts()).toHaveLength(0);
    expect(t.db.select().from(auditLog).all()).toHaveLength(audits);
  });
});
