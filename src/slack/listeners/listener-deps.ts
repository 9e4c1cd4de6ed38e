import type { AppDeps } from "../../deps.js";
import type { ChannelAccess } from "../../services/channel-access.js";

/**
 * What the listeners are built from: the app's dependencies, and what the app's wiring (src/app.ts) builds
 * once for them on the Slack side.
 */
export interface ListenerDeps extends AppDeps {
  /** Who may see which project channel (App Home lists only those). */
  channelAccess: ChannelAccess;
}
