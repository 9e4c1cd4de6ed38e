import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { slackErrorOf, webClientFor } from "../../emulator/slack-emulator-test-client.js";

let emulator: SlackEmulator;
beforeEach(async () => {
  emulator = await startSlackEmulator();
});
afterEach(() => emulator.close());

const markdown = (text: string) => ({ type: "markdown" as const, markdown: text });
const PLAN = "# Implementation Plan\nIntro\n## Phases\n- Discovery\n## Risks\n- None yet\n";

async function channelCanvas(content = PLAN): Promise<string> {
  const answer = await webClientFor(emulator).conversations.canvases.create({
    channel_id: "C_SHOP",
    title: "Plan",
    document_content: markdown(content),
  });
  return answer.canvas_id as string;
}

describe("creating canvases", () => {
  it("makes one channel canvas per channel", async () => {
    const canvasId = await channelCanvas();
    expect(emulator.canvases.get(canvasId)).toMatchObject({
      channelId: "C_SHOP",
      title: "Plan",
      markdown: PLAN,
    });
    const again = webClientFor(emulator).conversations.canvases.create({ channel_id: "C_SHOP" });
    expect(await slackErrorOf(again)).toBe("channel_canvas_already_exists");
  });

  it("makes standalone canvases too", async () => {
    const answer = await webClientFor(emulator).canvases.create({
      title: "Discovery",
      document_content: markdown("# D"),
    });
    expect(emulator.canvases.get(answer.canvas_id as string)).toMatchObject({
      title: "Discovery",
      markdown: "# D",
    });
  });

  it("answers the workspace's canvas error while canvases are unavailable, so the app can fall back", async () => {
    const client = webClientFor(emulator);
    emulator.setCanvasesAvailable(false);
    const create = () =>
      client.conversations.canvases.create({ channel_id: "C_SHOP", document_content: markdown("#") });
    expect(await slackErrorOf(create())).toBe("team_tier_cannot_create_channel_canvases");
    emulator.setCanvasesAvailable("free_teams_cannot_create_non_tabbed_canvases");
    expect(await slackErrorOf(client.canvases.create({ title: "x" }))).toBe(
      "free_teams_cannot_create_non_tabbed_canvases",
    );
    emulator.setCanvasesAvailable(true);
    expect((await create()).ok).toBe(true);
  });

  it("starts without canvases when asked to", async () => {
    const offline = await startSlackEmulator({ canvasesAvailable: false });
    const answer = webClientFor(offline).canvases.create({ title: "x" });
    expect(await slackErrorOf(answer)).toBe("team_tier_cannot_create_channel_canvases");
    await offline.close();
  });

  it.each([
    [
      "an h4 heading",
      "# Plan\n#### Detail\n",
      "document_content.markdown: line 2 is an h4 or deeper heading (canvases support h1-h3)",
    ],
    [
      "an HTML comment",
      "# Plan\n<!-- generated -->\n",
      "document_content.markdown: HTML comments are not supported in canvases",
    ],
    [
      "more than 1 MiB",
      "x".repeat(1024 * 1024 + 1),
      "document_content.markdown: 1048577 bytes (max 1048576)",
    ],
  ])("refuses markdown with %s", async (_name, content, error) => {
    const create = webClientFor(emulator).canvases.create({
      title: "x",
      document_content: markdown(content),
    });
    expect(await slackErrorOf(create)).toBe("invalid_arguments");
    expect(emulator.rejections).toMatchObject([{ method: "canvases.create", errors: [error] }]);
  });

  it("accepts an h4 look-alike inside a fenced code block", async () => {
    await channelCanvas("# Plan\n```\n#### not a heading\n```\n");
    expect(emulator.rejections).toEqual([]);
  });
});

describe("canvases.edit", () => {
  it("replaces the whole canvas and inserts at the start and the end", async () => {
    const canvasId = await channelCanvas();
    const client = webClientFor(emulator);
    const edit = (operation: "replace" | "insert_at_start" | "insert_at_end", text: string) =>
      client.canvases.edit({
        canvas_id: canvasId,
        changes: [{ operation, document_content: markdown(text) }],
      });
    await edit("replace", "# Plan v2\n");
    await edit("insert_at_end", "## Log\n- changed");
    await edit("insert_at_start", "> Draft");
    expect(emulator.canvases.get(canvasId)?.markdown).toBe("> Draft\n# Plan v2\n## Log\n- changed\n");
    expect(emulator.canvases.get(canvasId)?.edits.map((e) => e.operation)).toEqual([
      "replace",
      "insert_at_end",
      "insert_at_start",
    ]);
  });

  it("finds sections by heading and edits them by section id", async () => {
    const canvasId = await channelCanvas();
    const client = webClientFor(emulator);
    const lookup = await client.canvases.sections.lookup({
      canvas_id: canvasId,
      criteria: { section_types: ["h2"], contains_text: "Phases" },
    });
    const sectionId = lookup.sections?.[0]?.id as string;
    expect(lookup.sections).toHaveLength(1);
    await client.canvases.edit({
      canvas_id: canvasId,
      changes: [
        { operation: "replace", section_id: sectionId, document_content: markdown("## Phases\n- Build") },
      ],
    });
    const risks = await client.canvases.sections.lookup({
      canvas_id: canvasId,
      criteria: { contains_text: "Risks" },
    });
    await client.canvases.edit({
      canvas_id: canvasId,
      changes: [{ operation: "delete", section_id: risks.sections?.[0]?.id as string }],
    });
    expect(emulator.canvases.get(canvasId)?.markdown).toBe(
      "# Implementation Plan\nIntro\n## Phases\n- Build\n",
    );
  });

  it("refuses unknown canvases, unknown sections and unsupported markdown", async () => {
    const canvasId = await channelCanvas();
    const client = webClientFor(emulator);
    const replace = (id: string, text: string, section_id?: string) =>
      client.canvases.edit({
        canvas_id: id,
        changes: [{ operation: "replace", section_id, document_content: markdown(text) }],
      });
    expect(await slackErrorOf(replace("F_NONE", "# x"))).toBe("canvas_not_found");
    expect(await slackErrorOf(replace(canvasId, "# x", "temp:C:nope"))).toBe("invalid_arguments");
    expect(await slackErrorOf(replace(canvasId, "#### x"))).toBe("invalid_arguments");
    expect(emulator.canvases.get(canvasId)?.markdown).toBe(PLAN);
  });
});

describe("message markup in a canvas, which Slack shows as raw text", () => {
  it("takes the canvas but records each mention, channel link and broadcast written as message markup", async () => {
    const canvasId = await channelCanvas("# Plan\n**Owner**: <@U0PM>\nIn <#C0SHOP> for <!here>\n");
    expect(emulator.canvases.get(canvasId)?.markdown).toContain("<@U0PM>");
    expect(emulator.canvasProblems).toMatchObject([
      {
        method: "conversations.canvases.create",
        canvasId,
        problems: [
          "line 2: <@U0PM> is message markup, shown as raw text in a canvas",
          "line 3: <#C0SHOP> is message markup, shown as raw text in a canvas",
          "line 3: <!here> is message markup, shown as raw text in a canvas",
        ],
      },
    ]);
  });

  it("records it in canvases.edit too, and not in canvas mentions or code blocks", async () => {
    const canvasId = await channelCanvas(
      "# Plan\n**Owner**: ![](@U0PM) in ![](#C0SHOP)\n```\n<@U0PM>\n```\n",
    );
    expect(emulator.canvasProblems).toEqual([]);
    await webClientFor(emulator).canvases.edit({
      canvas_id: canvasId,
      changes: [{ operation: "insert_at_end", document_content: markdown("Thanks <@U0LEAD>") }],
    });
    expect(emulator.canvasProblems).toMatchObject([{ method: "canvases.edit", canvasId }]);
    emulator.canvasProblems.length = 0;
  });
});

describe("who may edit a canvas, and canvases.access.set", () => {
  async function tabCanvas(): Promise<string> {
    const answer = await webClientFor(emulator).canvases.create({
      title: "Plan",
      channel_id: "C_SHOP",
      document_content: markdown(PLAN),
    });
    return answer.canvas_id as string;
  }
  const edit = (userId: string, canvasId: string) =>
    emulator.personEditsCanvas({ userId, canvasId, markdown: `notes by ${userId}` });

  it("a canvas created with channel_id is writable by that channel's members until access.set says read", async () => {
    emulator.joinChannel("C_SHOP", "U_ANA");
    const canvasId = await tabCanvas();
    expect(edit("U_ANA", canvasId)).toBe("edited");
    expect(edit("U_OUTSIDER", canvasId)).toBe("no-access");
    const set = await webClientFor(emulator).canvases.access.set({
      canvas_id: canvasId,
      access_level: "read",
      channel_ids: ["C_SHOP"],
    });
    expect(set.ok).toBe(true);
    expect(edit("U_ANA", canvasId)).toBe("read-only");
    expect(emulator.canvases.get(canvasId)?.markdown).toBe("notes by U_ANA");
    expect(emulator.canvases.get(canvasId)?.personEdits.map((e) => e.userId)).toEqual(["U_ANA"]);
    // The app, its owner, still edits it.
    await webClientFor(emulator).canvases.edit({
      canvas_id: canvasId,
      changes: [{ operation: "replace", document_content: markdown("# Plan v2\n") }],
    });
    expect(emulator.canvases.get(canvasId)?.markdown).toBe("# Plan v2\n");
  });

  it("a channel canvas follows the channel: its members edit it, and access.set answers canvas_not_found", async () => {
    emulator.joinChannel("C_SHOP", "U_ANA");
    const canvasId = await channelCanvas();
    expect(edit("U_ANA", canvasId)).toBe("edited");
    const set = webClientFor(emulator).canvases.access.set({
      canvas_id: canvasId,
      access_level: "read",
      channel_ids: ["C_SHOP"],
    });
    expect(await slackErrorOf(set)).toBe("canvas_not_found");
    expect(edit("U_ANA", canvasId)).toBe("edited");
  });

  it("checks its arguments as Slack documents them", async () => {
    const canvasId = await tabCanvas();
    const client = webClientFor(emulator);
    const set = (args: Record<string, unknown>) =>
      slackErrorOf(client.apiCall("canvases.access.set", { canvas_id: canvasId, ...args }));
    expect(await set({ access_level: "comment", channel_ids: ["C_SHOP"] })).toBe("invalid_arguments");
    expect(await set({ access_level: "read" })).toBe("invalid_parameters");
    expect(await set({ access_level: "read", channel_ids: ["C_SHOP"], user_ids: ["U_ANA"] })).toBe(
      "invalid_parameters",
    );
    expect(await set({ access_level: "owner", channel_ids: ["C_SHOP"] })).toBe("invalid_arguments");
    const many = Array.from({ length: 21 }, (_, i) => `C_${i}`);
    expect(await set({ access_level: "read", channel_ids: many })).toBe("invalid_arguments");
    expect(await set({ access_level: "read", channel_ids: ["D_DIRECT"] })).toBe("channel_not_found");
    // user_ids only reach people the canvas was shared with directly first.
    expect(await set({ access_level: "write", user_ids: ["U_ANA"] })).toBe("failed_to_update_user_ids");
    expect(
      await slackErrorOf(
        client.canvases.access.set({ canvas_id: "F_NONE", access_level: "read", channel_ids: ["C_SHOP"] }),
      ),
    ).toBe("canvas_not_found");
  });

  it("answers a workspace's refusal while one is set", async () => {
    const canvasId = await tabCanvas();
    emulator.refuseCanvasAccess("restricted_action");
    const set = () =>
      webClientFor(emulator).canvases.access.set({
        canvas_id: canvasId,
        access_level: "read",
        channel_ids: ["C_SHOP"],
      });
    expect(await slackErrorOf(set())).toBe("restricted_action");
    emulator.refuseCanvasAccess(undefined);
    expect((await set()).ok).toBe(true);
  });
});

describe("files.info", () => {
  it("answers a canvas as Slack does, with its permalink, and file_not_found for an unknown id", async () => {
    const canvasId = await channelCanvas();
    const client = webClientFor(emulator);
    const info = await client.files.info({ file: canvasId });
    expect(info.file).toMatchObject({
      id: canvasId,
      filetype: "quip",
      pretty_type: "Canvas",
      permalink: `https://emulator.slack.com/docs/${emulator.teamId}/${canvasId}`,
    });
    expect(await slackErrorOf(client.files.info({ file: "F_NONE" }))).toBe("file_not_found");
  });
});
