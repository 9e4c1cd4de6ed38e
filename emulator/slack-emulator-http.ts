/** Reading requests and writing answers for the Slack emulator's node:http server. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SlackArgs } from "./slack-emulator-state.js";

/**
 * Arguments WebClient sends as JSON strings inside a form body (it JSON-encodes every object and array).
 * The emulator decodes them so handlers and tests see objects.
 */
const JSON_FIELDS = [
  "blocks",
  "attachments",
  "view",
  "changes",
  "document_content",
  "files",
  "criteria",
  "metadata",
  "channel_ids",
  "user_ids",
];

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decodeJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Parses a form or JSON body into arguments; JSON-encoded form fields are decoded. */
export function parseArgs(raw: Buffer, contentType: string): SlackArgs {
  const text = raw.toString("utf8");
  if (contentType.startsWith("application/json")) return text === "" ? {} : (JSON.parse(text) as SlackArgs);
  const args: SlackArgs = {};
  for (const [name, value] of new URLSearchParams(text)) {
    args[name] = JSON_FIELDS.includes(name) ? decodeJsonField(value) : value;
  }
  return args;
}

/**
 * The bytes of an uploaded file: the file part of a multipart body, or the raw body. Slack's upload URL takes
 * either ("Files can be sent as raw bytes or can be multipart form encoded", files.getUploadURLExternal).
 */
export async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.startsWith("multipart/form-data")) return raw;
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": contentType },
  }).formData();
  const [first] = [...form.values()];
  if (first === undefined) return Buffer.alloc(0);
  return typeof first === "string" ? Buffer.from(first, "utf8") : Buffer.from(await first.arrayBuffer());
}

/** The token of an `Authorization: Bearer <token>` header. */
export const bearerToken = (authorization: string | undefined): string | undefined =>
  authorization?.match(/^Bearer (.+)$/)?.[1];

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}
