/**
 * Who may see a project, by its channel: a project in a public channel is for everyone in the workspace; a
 * project in a private channel, or in a channel shared with another workspace or organisation (Slack Connect),
 * only for that channel's members. The Slack side answers (src/slack/slack-channel-access.ts); the use cases
 * that list projects across channels to a person (App Home) ask it and show nothing else.
 */

/** What the Slack side could establish about the channels asked for. */
export interface ChannelVisibility {
  /** The channels the person may see: public ones, and the others they were shown to be a member of. */
  visible: ReadonlySet<string>;
  /**
   * False when Slack did not answer everything just now (rate limit, error, a channel not looked up): then
   * `visible` holds only what is proven by what Slack said recently, so a channel may be missing from it,
   * but never one the person is not shown to be allowed to see.
   */
  complete: boolean;
}

export interface ChannelAccess {
  /** Which of `channelIds` (of workspace `teamId`) `userId` may see. Never throws. */
  visibleTo(args: {
    teamId: string;
    userId: string;
    channelIds: readonly string[];
  }): Promise<ChannelVisibility>;
}
