/**
 * Downloads a file a person gave a file_input, from its `url_private` with the bot token. Slack serves a file
 * only with `Authorization: Bearer <token>` (https://docs.slack.dev/reference/objects/file-object, "Authentication");
 * without a valid token, or with a token that lacks files:read, it answers with its sign-in page, as HTML
 * with status 200 or a redirect to it (reported in slackapi/bolt-js#2585 and slackapi/deno-slack-sdk#285), so
 * an HTML answer, a non-200 status, or a body past the limit is an error here, never the file's content.
 */
export type DownloadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const LOGIN_PAGE =
  "Slack answered with its sign-in page instead of the file: the app cannot read files yet. Ask a workspace admin to reinstall intplan with the files:read permission, then try again. Nothing was changed.";

/** Where a file may be fetched from with the token: Slack's file host, or the configured Slack API's host. */
function allowedUrl(url: string, slackApiUrl: string | undefined): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "https:" && parsed.hostname === "files.slack.com") return true;
    return slackApiUrl !== undefined && parsed.origin === new URL(slackApiUrl).origin;
  } catch {
    return false;
  }
}

export async function downloadSlackFile(args: {
  url: string;
  token: string;
  maxBytes: number;
  slackApiUrl: string | undefined;
  fetch?: typeof fetch;
}): Promise<DownloadResult> {
  if (!allowedUrl(args.url, args.slackApiUrl))
    return {
      ok: false,
      message: "Slack did not give a download address for this file. Nothing was changed.",
    };
  let res: Response;
  try {
    // `manual`: a redirect is Slack sending us to sign in, not the file (and the token never follows it).
    res = await (args.fetch ?? fetch)(args.url, {
      headers: { authorization: `Bearer ${args.token}` },
      redirect: "manual",
    });
  } catch {
    return { ok: false, message: "The file could not be downloaded from Slack. Please try again." };
  }
  if (res.status >= 300 && res.status < 400) return { ok: false, message: LOGIN_PAGE };
  if (res.status !== 200)
    return {
      ok: false,
      message: `Slack answered ${res.status} when intplan downloaded the file. Please try again.`,
    };
  if ((res.headers.get("content-type") ?? "").toLowerCase().startsWith("text/html")) {
    await res.body?.cancel();
    return { ok: false, message: LOGIN_PAGE };
  }
  const length = Number(res.headers.get("content-length") ?? "0");
  if (length > args.maxBytes) {
    await res.body?.cancel();
    return { ok: false, message: "The file is larger than intplan reads (1 MB). Nothing was changed." };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += (chunk as Uint8Array).length;
    if (total > args.maxBytes)
      return { ok: false, message: "The file is larger than intplan reads (1 MB). Nothing was changed." };
    chunks.push(chunk as Uint8Array);
  }
  const bytes = Buffer.concat(chunks);
  const head = bytes.subarray(0, 200).toString("utf8").trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html"))
    return { ok: false, message: LOGIN_PAGE };
  return { ok: true, bytes: new Uint8Array(bytes) };
}
