import type { DocumentVersionRow } from "../../db/schema.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import type { VersionList } from "../../services/document-versions.js";
import { UPLOAD_VERSION_ACTION } from "../ids.js";
import { button, context, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

/** `/intplan freeze` and `/intplan versions`: the messages about frozen versions. */

const labelOf = (version: Pick<DocumentVersionRow, "label">) =>
  version.label ? ` “${escapeMrkdwn(version.label)}”` : "";

const nameOf = (version: Pick<DocumentVersionRow, "kind" | "number">) =>
  `${DOCUMENT_TITLES[version.kind]} version ${version.number}`;

const when = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short} {time}|${at.toISOString()}>`;

/**
 * The message the version's files come with in the channel; `noWord` says why there is no Word file. Only
 * the person who asked for the upload is mentioned: a second try by someone else does not ping whoever
 * froze the version.
 */
export function versionUploadComment(version: DocumentVersionRow, actorId: string, noWord?: string): string {
  const files = noWord
    ? `its Markdown (no Word document: ${escapeMrkdwn(noWord)}).`
    : "the Word document and its Markdown.";
  const who = mention(actorId, "Someone");
  return actorId === version.frozenBy
    ? `:package: ${who} froze the *${nameOf(version)}*${labelOf(version)}: ${files}`
    : `:package: ${who} uploaded the *${nameOf(version)}*${labelOf(version)}, frozen ${when(version.frozenAt)}: ${files}`;
}

/** What the person is told when the version is kept but Slack did not take its files. */
export function versionNotUploadedMessage(
  version: DocumentVersionRow,
  code: string | undefined,
): MessageContent {
  const why = code ? ` (Slack said \`${escapeMrkdwn(code)}\`)` : " (Slack did not answer)";
  const next =
    code === "not_in_channel" || code === "channel_not_found"
      ? "Invite me with `/invite @intplan`, then run `/intplan versions` and press *Upload again* beside it."
      : "Run `/intplan versions` and press *Upload again* beside it to get its files.";
  const text = `:warning: The *${nameOf(version)}*${labelOf(version)} is saved, but I could not upload its files${why}. ${next}`;
  return { text, blocks: [section(text)] };
}

function versionLine(version: DocumentVersionRow): string {
  const files = version.permalink
    ? `<${version.permalink}|${version.docxFileId ? "Word document" : "Markdown file"}>`
    : version.markdownFileId
      ? "files in this channel"
      : ":warning: files not uploaded";
  return `*${nameOf(version)}*${labelOf(version)} · frozen by ${mention(version.frozenBy, "someone")} ${when(version.frozenAt)} · ${files}`;
}

/** `/intplan versions`: the most recent versions, newest first, each with who, when and its file. */
export function buildVersionsList(list: VersionList): MessageContent {
  const title = `*Frozen versions of ${escapeMrkdwn(list.projectName)}* · newest first`;
  if (list.versions.length === 0) {
    const empty = "No version has been frozen yet: `/intplan freeze plan [label]` keeps one for the client.";
    return { text: `${title}\n${empty}`, blocks: [section(`${title}\n${empty}`)] };
  }
  const more = list.total - list.versions.length;
  const blocks: KnownBlock[] = [
    section(title),
    ...list.versions.map((version) =>
      section(
        versionLine(version),
        version.markdownFileId
          ? {}
          : {
              accessory: button("Upload again", `${UPLOAD_VERSION_ACTION.prefix}${version.id}`, {
                value: String(version.id),
              }),
            },
      ),
    ),
    ...(more > 0 ? [context(`…and ${more.toLocaleString("en-US")} more, older.`)] : []),
  ];
  return { text: `Frozen versions of ${escapeMrkdwn(list.projectName)}: ${list.total}`, blocks };
}

/** Freeze refused because Slack could not name everyone the document mentions just now. */
export function namesUnavailableMessage(kind: DocumentKind, unnamed: number): MessageContent {
  const who = unnamed === 1 ? "one person or channel" : `${unnamed} people or channels`;
  const text = `:hourglass: Nothing was frozen: Slack did not give me the names of ${who} in the ${DOCUMENT_TITLES[kind]} just now, and a version for the client must name everyone. Please run \`/intplan freeze ${kind}\` again in a minute.`;
  return { text, blocks: [section(text)] };
}
