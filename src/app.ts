import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type Logger,
  type LogLevel,
  type Receiver,
  SocketModeReceiver,
} from "@slack/bolt";
import type { Config } from "./config.js";
import { type AppDeps, type AppInputs, timingOf } from "./deps.js";
import { dueJobs, ensureRecurringJob } from "./outbox/queue.js";
import { createOutboxWorker, type OutboxWorker } from "./outbox/worker.js";
import { cachedDirectory, DIRECTORY_TTL_MS } from "./services/people-directory.js";
import { trackAcknowledgements } from "./slack/acknowledgements.js";
import { classifySlackFailure } from "./slack/background-failures.js";
import { createJobHandlers, reportGiveUp } from "./slack/background-jobs.js";
import { createBackgroundClient, QUICK_RETRIES } from "./slack/clients.js";
import { registerDeduplication } from "./slack/dedupe.js";
import { registerErrorHandler } from "./slack/errors.js";
import { createInFlightTracker } from "./slack/in-flight.js";
import { registerListeners } from "./slack/listeners/register-listeners.js";
import { guardAbsurdBodies } from "./slack/request-guard.js";
import { registerSafetyNet } from "./slack/safety-net.js";
import { createSlackChannelAccess } from "./slack/slack-channel-access.js";
import { slackErrorCode } from "./slack/slack-error-code.js";
import { slackLoggerOf } from "./slack/slack-logger.js";
import { slackPeopleDirectory } from "./slack/slack-people-directory.js";

export interface IntplanApp {
  bolt: App;
  /** Background Slack work (canvas and status board refreshes), drained after commits. */
  outbox: OutboxWorker;
  /** Starts listening; resolves with the HTTP port (HTTP mode: Slack's endpoint; Socket Mode: /healthz only). */
  start(): Promise<{ port: number | null }>;
  /** Stops taking requests, waits for work in flight (up to `graceMs`), and returns. The caller closes the db. */
  stop(graceMs?: number): Promise<void>;
  /**
   * Resolves once no listener work is running (listeners go on after their ack) and no outbox job is
   * due at the app's clock, running due jobs meanwhile; rejects, saying what is still pending, if that
   * takes longer than `timeoutMs`. Jobs due later (a refresh in 2 s, a retry after backoff) are not waited for.
   */
  idle(timeoutMs?: number): Promise<void>;
}

function healthRoute(deps: AppDeps): CustomRoute {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req, res) => {
      const health = deps.database.check();
      res.writeHead(health.writable ? 200 : 503, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          health.writable
            ? { ok: true, database: "up" }
            : { ok: false, database: "down", problem: health.problem, detail: health.detail },
        ),
      );
    },
  };
}

function createReceiver(deps: AppDeps, logger: Logger): Receiver {
  const { config } = deps;
  const customRoutes = [healthRoute(deps)];
  if (config.mode === "socket" && config.slackAppToken) {
    return new SocketModeReceiver({
      appToken: config.slackAppToken,
      logger,
      customRoutes,
      installerOptions: { port: config.port },
    });
  }
  if (!config.slackSigningSecret) throw new Error("HTTP mode needs SLACK_SIGNING_SECRET.");
  const receiver = new HTTPReceiver({
    signingSecret: config.slackSigningSecret,
    // Signature checking is always on in HTTP mode: no setting turns it off.
    signatureVerification: true,
    // Lets the deduplication middleware recognise a replayed request by its signature.
    customPropertiesExtractor: (req) => ({
      requestSignature: String(req.headers["x-slack-signature"] ?? ""),
    }),
    customRoutes,
    logger,
  });
  return guardAbsurdBodies(receiver, { signingSecret: config.slackSigningSecret, logger: deps.logger });
}

/** Builds the Bolt app from its dependencies; nothing is global, so every test gets its own app. */
export function createApp(inputs: AppInputs): IntplanApp {
  const { config, logger } = inputs;
  const timing = timingOf(inputs);
  // Background jobs get their own Slack client, which a 429 never pauses; the names directory uses it too,
  // so a rate-limited lookup answers at once (the document reads "team member" there, this time).
  const background = createBackgroundClient({
    token: config.slackBotToken,
    slackApiUrl: config.slackApiUrl,
    logger,
    timeoutMs: timing.slackTimeoutMs,
    clock: inputs.clock,
  });
  const deps: AppDeps = {
    ...inputs,
    people: cachedDirectory(slackPeopleDirectory(background.client), {
      clock: inputs.clock,
      ttlMs: DIRECTORY_TTL_MS,
    }),
  };
  const boltLogger = slackLoggerOf(deps.logger);
  const receiver = createReceiver(deps, boltLogger);
  const bolt = new App({
    token: config.slackBotToken,
    receiver,
    logger: boltLogger,
    logLevel: config.logLevel as LogLevel,
    // auth.test runs in start(), where a bad token or an unreachable Slack becomes a clear message.
    deferInitialization: true,
    extendedErrorHandler: true,
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      // Retries must never hold a user's 3-second window: a few quick ones, then report.
      retryConfig: QUICK_RETRIES,
      // A 429 on a listener's call throws at once instead of pausing this client's whole queue for
      // Retry-After (which would make another channel's views.open miss its 3-second trigger); the caller
      // decides (postToChannel waits and tries again, a modal says Slack is busy).
      rejectRateLimitedCalls: true,
      // A Slack call that hangs is given up on (and retried above), never left waiting forever.
      timeout: timing.slackTimeoutMs,
    },
  });
  const inFlight = createInFlightTracker();
  bolt.use(async ({ body, next }) => {
    await inFlight.track(next(), requestLabel(body));
  });
  trackAcknowledgements(bolt);
  registerSafetyNet(bolt, deps);
  registerDeduplication(bolt, deps);
  // Who may see which project channel, from Slack's answers cached briefly: one per app, on the app's clock.
  const channelAccess = createSlackChannelAccess({ client: bolt.client, clock: deps.clock, logger });
  registerListeners(bolt, { ...deps, channelAccess });
  registerErrorHandler(bolt, logger);
  const outbox = createOutboxWorker({
    db: deps.db,
    clock: deps.clock,
    logger,
    handlers: createJobHandlers(background.client, deps),
    onGiveUp: reportGiveUp(background.client, deps),
    classifyFailure: classifySlackFailure,
    concurrency: timing.outboxConcurrency,
    pollMs: timing.outboxPollMs,
    retryBaseMs: timing.outboxRetryBaseMs,
    maxAttempts: timing.outboxMaxAttempts,
    onStorageError: (error) => deps.database.observe(error),
    // Every project has its reminders job; one created before it existed (or whose row was lost) gets it.
    prepare: (db) => ensureRecurringJob(db, "reminders", { now: deps.clock(), actorId: "intplan" }),
  });

  let server: Server | undefined;
  return {
    bolt,
    outbox,
    async start() {
      await initialize(bolt, config);
      if (config.mode === "socket") {
        await bolt.start();
        outbox.start();
        return { port: config.port };
      }
      server = (await bolt.start(config.port)) as Server;
      outbox.start();
      return { port: (server.address() as AddressInfo).port };
    },
    async stop(graceMs = 10_000) {
      await bolt.stop();
      await inFlight.drain(graceMs);
      await outbox.stop();
    },
    async idle(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await inFlight.drain(Math.max(0, deadline - Date.now()));
        await outbox.runDue();
        // Checked right after the run settles: a poll that starts later only finds work due later.
        const due = dueJobs(deps.db, deps.clock());
        if (inFlight.size === 0 && due.length === 0) return;
        if (Date.now() >= deadline) {
          const jobs = due.map(
            (row) => `${row.job} for project ${row.projectId} (attempt ${row.attempts + 1})`,
          );
          throw new Error(
            `The app was still busy after ${timeoutMs} ms: listeners running: [${inFlight.describe().join(", ")}]; outbox jobs due: [${jobs.join(", ")}]`,
          );
        }
      }
    },
  };
}

/** What a request is, for saying what is still running. */
function requestLabel(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.command === "string") return `command ${b.command} ${String(b.text ?? "")}`.trim();
  const event = b.event as { type?: string } | undefined;
  if (event?.type) return `event ${event.type}`;
  const actions = b.actions as { action_id?: string }[] | undefined;
  if (actions?.[0]?.action_id) return `${String(b.type)} ${actions[0].action_id}`;
  const view = b.view as { callback_id?: string } | undefined;
  if (view?.callback_id) return `${String(b.type)} ${view.callback_id}`;
  return String(b.type ?? "request");
}

/** Checks the bot token with Slack (auth.test) and explains a failure in plain words. */
async function initialize(bolt: App, config: Config): Promise<void> {
  try {
    await bolt.init();
  } catch (error) {
    const code = slackErrorCode(error);
    const where = config.slackApiUrl ?? "https://slack.com/api/";
    throw new Error(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`
        : `Could not reach Slack's Web API at ${where} to check SLACK_BOT_TOKEN: ${(error as Error).message}`,
    );
  }
}
