import { INTEGRATION_TYPE_LABELS, isIntegrationType } from "../../domain/integration-type.js";
import { currentPhaseLabel, PHASE_STATUS_LABELS } from "../../domain/phase-labels.js";
import type { HomePage } from "../../services/home-projects.js";
import { ACTION } from "../ids.js";
import {
  actions,
  button,
  context,
  divider,
  type HomeView,
  header,
  type KnownBlock,
  LIMITS,
  section,
} from "./block-kit.js";
import { openBlockerCount } from "./blocker-format.js";
import { channelLink, escapeMrkdwn } from "./mrkdwn.js";

/** A page of Home as the Home service reads it (services/home-projects.ts). */
type HomeInput = HomePage;
type HomeProject = HomeInput["projects"][number];

/** Three blocks per project plus headers and paging keeps a page far below Slack's 100-block limit. */
export const HOME_PAGE_SIZE = 25;

function projectBlocks(p: HomeProject): KnownBlock[] {
  const type = isIntegrationType(p.integrationType)
    ? INTEGRATION_TYPE_LABELS[p.integrationType]
    : p.integrationType;
  return [
    section(
      `*${escapeMrkdwn(p.name)}* (${p.code}) · ${escapeMrkdwn(p.clientName)} · ${channelLink(p.channelId)}\n` +
        `${escapeMrkdwn(type)} · Phase: ${escapeMrkdwn(currentPhaseLabel(p.currentPhase) ?? PHASE_STATUS_LABELS["not-started"])} · ${openBlockerCount(p.openBlockers)}`,
    ),
    context(
      `${p.mine ? "You lead or manage this project · " : ""}Last activity <!date^${Math.floor(p.lastActivity.getTime() / 1000)}^{date_short_pretty} {time}|${p.lastActivity.toISOString()}>`,
    ),
  ];
}

/** Said when Slack could not tell just now which private or shared channels the viewer is in. */
export const HOME_INCOMPLETE_NOTE =
  ":warning: Slack did not answer just now, so projects in private or shared channels you are in may be missing. Open Home again in a minute.";

/**
 * The Home tab: the projects the viewer may see (public channels' and their own private or shared channels'),
 * yours first, most recently active first, one page at a time.
 */
export function buildHomeView(input: HomeInput): HomeView {
  const pages = Math.max(1, Math.ceil(input.total / input.pageSize));
  const blocks: KnownBlock[] = [
    header("Integration projects"),
    context(
      input.total === 0
        ? "No projects to show. In a project's channel, run `/intplan new` to start one."
        : `${input.total} project${input.total === 1 ? "" : "s"} you can see · page ${input.page + 1} of ${pages}`,
      "Projects in private and shared channels are listed only for their members.",
    ),
    ...(input.complete ? [] : [context(HOME_INCOMPLETE_NOTE)]),
    ...(input.total > 0
      ? [actions("home_digest", [button("DM me a digest of my projects", ACTION.dmOwnDigest)])]
      : []),
    divider(),
    ...input.projects.slice(0, input.pageSize).flatMap(projectBlocks),
  ];
  const paging = [
    ...(input.page > 0
      ? [button("Previous page", ACTION.homePreviousPage, { value: String(input.page - 1) })]
      : []),
    ...(input.page + 1 < pages
      ? [button("Next page", ACTION.homePage, { value: String(input.page + 1) })]
      : []),
  ];
  if (paging.length > 0) blocks.push(divider(), actions("home_paging", paging));
  return { type: "home", blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
