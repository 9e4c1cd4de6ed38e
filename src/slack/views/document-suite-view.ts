import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import type { DocumentSuite, Freshness, Publication, SuiteDocument } from "../../services/document-suite.js";
import { DOCUMENT_SUITE_ACTION } from "../ids.js";
import { actions, button, context, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** `/intplan docs`: the seven documents in order, each with where it stands and its Publish and Export buttons. */

const when = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short}|${at.toISOString().slice(0, 10)}>`;

function freshnessOf(freshness: Freshness, as: "canvas" | "file"): string {
  if (freshness === "up-to-date") return "up to date";
  if (freshness === "unknown")
    return "could not compare it with the project just now (Slack did not name everyone)";
  return as === "canvas"
    ? "*changes waiting*: the project changed since; the canvas catches up at its next refresh, or press Publish"
    : "*changes waiting*: the project changed since; Publish posts it again";
}

function publicationLine(kind: DocumentKind, publication: Publication): string {
  if (publication.as === "none")
    return `Never published: \`/intplan publish ${kind}\` makes it a canvas in this channel's tabs.`;
  if (publication.as === "canvas") {
    const canvas = publication.permalink ? `<${publication.permalink}|Canvas>` : "Canvas";
    return `${canvas}, version ${publication.version}, updated ${when(publication.publishedAt)} · ${freshnessOf(publication.freshness, "canvas")}`;
  }
  return `Posted as a Markdown file (no canvases here), version ${publication.version}, ${when(publication.publishedAt)} · ${freshnessOf(publication.freshness, "file")}`;
}

function frozenLine(document: SuiteDocument): string {
  const { frozen, kind } = document;
  if (!frozen) return `Never frozen: \`/intplan freeze ${kind}\` keeps a version for the client.`;
  const label = frozen.label ? ` “${escapeMrkdwn(frozen.label)}”` : "";
  const files = frozen.permalink
    ? ` · <${frozen.permalink}|its files>`
    : frozen.uploaded
      ? " · its files are in this channel"
      : " · files not uploaded: `/intplan versions`";
  return `Last frozen: version ${frozen.number}${label}, ${when(frozen.frozenAt)}${files}`;
}

function documentBlocks(suite: DocumentSuite, document: SuiteDocument): KnownBlock[] {
  const { kind } = document;
  const value = String(suite.projectId);
  return [
    section(
      `*${DOCUMENT_TITLES[kind]}* (\`${kind}\`)\n${publicationLine(kind, document.publication)}\n${frozenLine(document)}`,
    ),
    actions(`document_suite_${kind}`, [
      button("Publish", `${DOCUMENT_SUITE_ACTION.publishPrefix}${kind}`, {
        value,
        // The next step where a document says something the channel has not seen.
        ...(document.publication.as === "none" || document.publication.freshness === "changes-waiting"
          ? { style: "primary" as const }
          : {}),
      }),
      button("Export Markdown", `${DOCUMENT_SUITE_ACTION.exportPrefix}${kind}`, { value }),
    ]),
  ];
}

export function buildDocumentSuiteMessage(suite: DocumentSuite): MessageContent {
  const title = `*Documents of ${escapeMrkdwn(suite.projectName)}*`;
  const published = suite.documents.filter((d) => d.publication.as !== "none").length;
  return {
    text: `Documents of ${escapeMrkdwn(suite.projectName)}: ${published} of ${suite.documents.length} published`,
    blocks: [
      section(title),
      ...suite.documents.flatMap((document) => documentBlocks(suite, document)),
      context(
        "Publish makes the document a canvas (once) and brings it up to date; a published document then follows the project by itself. Export uploads it as a Markdown file.",
      ),
    ],
  };
}
