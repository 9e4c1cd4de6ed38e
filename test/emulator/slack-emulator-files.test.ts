import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { slackErrorOf, webClientFor } from "../../emulator/slack-emulator-test-client.js";

let emulator: SlackEmulator;
let now: number;
beforeEach(async () => {
  now = 1_700_000_000_000;
  emulator = await startSlackEmulator({ now: () => now });
});
afterEach(() => emulator.close());

describe("file uploads", () => {
  it("takes a filesUploadV2 end to end and shares the file in the channel", async () => {
    const answer = await webClientFor(emulator).filesUploadV2({
      channel_id: "C_SHOP",
      content: "# Implementation Plan\n",
      filename: "implementation-plan.md",
      title: "Implementation Plan",
      initial_comment: "The plan, as a file",
    });
    expect(answer.ok).toBe(true);
    const [fileId, file] = [...emulator.files.entries()][0] ?? [];
    expect(file).toMatchObject({
      filename: "implementation-plan.md",
      title: "Implementation Plan",
      content: "# Implementation Plan\n",
      channelId: "C_SHOP",
      initialComment: "The plan, as a file",
      completed: true,
    });
    expect(emulator.messages.get("C_SHOP")).toMatchObject([
      { text: "The plan, as a file", files: [{ id: fileId }] },
    ]);
    expect(emulator.calls.map((c) => c.method)).toEqual([
      "files.getUploadURLExternal",
      "files.completeUploadExternal",
    ]);
  });

  it("keeps binary uploads byte for byte, and shares several files in one message", async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x00]);
    await webClientFor(emulator).filesUploadV2({
      channel_id: "C_SHOP",
      initial_comment: "Version 1",
      file_uploads: [
        { file: bytes, filename: "plan.docx", title: "Plan (Word)" },
        { content: "# Plan\n", filename: "plan.md", title: "Plan (Markdown)" },
      ],
    });
    const files = [...emulator.files.values()];
    expect(files.find((f) => f.filename === "plan.docx")?.bytes?.equals(bytes)).toBe(true);
    expect(files.find((f) => f.filename === "plan.md")?.content).toBe("# Plan\n");
    expect(emulator.messages.get("C_SHOP")).toMatchObject([{ text: "Version 1", files: [{}, {}] }]);
    expect(emulator.callsTo("files.completeUploadExternal")).toHaveLength(1);
  });

  it("answers files.info with the file's permalink, size and type once it is shared", async () => {
    const client = webClientFor(emulator);
    const bytes = Buffer.from([1, 2, 3, 4, 5]);
    const upload = (await client.filesUploadV2({
      channel_id: "C_SHOP",
      file: bytes,
      filename: "INT-0001 plan v1.docx",
      title: "Plan",
    })) as { files: { files: { id: string }[] }[] };
    const id = upload.files[0]?.files[0]?.id as string;
    const info = await client.files.info({ file: id });
    expect(info.file).toMatchObject({
      id,
      name: "INT-0001 plan v1.docx",
      title: "Plan",
      size: 5,
      filetype: "docx",
      channels: ["C_SHOP"],
      permalink: `https://emulator.slack.com/files/U_INTPLAN_BOT/${id}/INT-0001%20plan%20v1.docx`,
    });
    expect(await slackErrorOf(client.files.info({ file: "F_NOPE" }))).toBe("file_not_found");
    const { file_id } = await client.files.getUploadURLExternal({ filename: "x.md", length: 3 });
    expect(await slackErrorOf(client.files.info({ file: file_id as string }))).toBe("file_not_found");
  });

  it("refuses an empty file, as Slack answers a length of 0", async () => {
    const client = webClientFor(emulator);
    expect(await slackErrorOf(client.files.getUploadURLExternal({ filename: "empty.md", length: 0 }))).toBe(
      "missing_argument",
    );
  });

  it("refuses to complete an upload whose bytes never arrived", async () => {
    const client = webClientFor(emulator);
    const { file_id } = await client.files.getUploadURLExternal({ filename: "plan.md", length: 10 });
    const complete = client.files.completeUploadExternal({
      files: [{ id: file_id as string }],
      channel_id: "C_SHOP",
    });
    expect(await slackErrorOf(complete)).toBe("file_not_found");
  });
});

describe("response_url", () => {
  const respond = (url: string, body: object) =>
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("records what the app responds, for a test to wait on", async () => {
    const url = emulator.createResponseUrl();
    const waiting = emulator.waitForResponse((r) => r.body.text === "Project created");
    expect((await respond(url, { response_type: "ephemeral", text: "Project created" })).status).toBe(200);
    expect(await waiting).toMatchObject({ url, body: { response_type: "ephemeral" } });
  });

  it("refuses blocks that break Block Kit limits", async () => {
    const url = emulator.createResponseUrl();
    const response = await respond(url, { blocks: [{ type: "divider" }] });
    expect(response.status).toBe(400);
    expect(emulator.rejections).toMatchObject([
      { method: "response_url", errors: ["text: a text fallback is required with blocks"] },
    ]);
    expect(emulator.responses).toEqual([]);
  });

  it("replaces or deletes the message that held a button, when the response says so", async () => {
    const url = emulator.createResponseUrl("interaction");
    await respond(url, { replace_original: true, text: "Signed off" });
    await respond(url, { replace_original: false, response_type: "ephemeral", text: "Only the PM can" });
    await respond(url, { delete_original: true });
    expect(emulator.responses.map((r) => r.effect)).toEqual([
      "replaced-original",
      "new-message",
      "deleted-original",
    ]);
  });

  it("posts every response to a slash command's URL as a new message: replace_original does nothing", async () => {
    const url = emulator.createResponseUrl("command");
    await respond(url, { response_type: "ephemeral", text: "Thinking…" });
    await respond(url, { response_type: "ephemeral", replace_original: true, text: "Done" });
    expect(emulator.responses.map((r) => [r.source, r.effect, r.body.text])).toEqual([
      ["command", "new-message", "Thinking…"],
      ["command", "new-message", "Done"],
    ]);
    // Nor is there an original to delete: the body is taken as a message, and one without text is refused.
    expect((await respond(url, { delete_original: true })).status).toBe(400);
  });

  it("works 5 times within 30 minutes, like Slack", async () => {
    const url = emulator.createResponseUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await respond(url, { text: `update ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    const later = emulator.createResponseUrl();
    now += 30 * 60 * 1000 + 1;
    expect((await respond(later, { text: "too late" })).status).toBe(404);
  });
});

describe("files.info for an upload", () => {
  it("gives the uploaded file's permalink once the upload is complete", async () => {
    await webClientFor(emulator).filesUploadV2({
      channel_id: "C_SHOP",
      content: "# Plan\n",
      filename: "plan.md",
      title: "Plan",
    });
    const [fileId] = [...emulator.files.keys()];
    const info = await webClientFor(emulator).files.info({ file: String(fileId) });
    expect(info.file).toMatchObject({
      id: fileId,
      name: "plan.md",
      permalink: `https://emulator.slack.com/files/${emulator.botUserId}/${fileId}/plan.md`,
    });
    expect(await slackErrorOf(webClientFor(emulator).files.info({ file: "F_NEVER" }))).toBe("file_not_found");
  });
});

describe("a file a person gives a file_input", () => {
  it("is described as a file_input's submitted state describes it", () => {
    const file = emulator.personUploadsFile({ userId: "U0PM", name: "acme.json", bytes: '{"a":1}' });
    expect(file).toMatchObject({
      name: "acme.json",
      filetype: "json",
      mimetype: "text/plain",
      size: 7,
      user: "U0PM",
    });
    expect(String(file.id)).toMatch(/^F/);
    expect(String(file.url_private)).toContain(`/files-pri/${file.id}/acme.json`);
  });

  it("serves its url_private only with a bot token, and Slack's sign-in page otherwise", async () => {
    const file = emulator.personUploadsFile({ userId: "U0PM", name: "notes.md", bytes: "# Notes\n" });
    const url = String(file.url_private);
    const withToken = await fetch(url, { headers: { authorization: "Bearer xoxb-test" } });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toBe("# Notes\n");
    for (const headers of [{}, { authorization: "Bearer not-a-token" }] as Record<string, string>[]) {
      const without = await fetch(url, { headers });
      expect(without.status).toBe(200);
      expect(without.headers.get("content-type")).toContain("text/html");
      expect(await without.text()).toContain("<!DOCTYPE html>");
    }
  });
});
