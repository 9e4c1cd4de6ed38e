import { createApp } from "./app.js";
import { readConfigFromEnvironment, secretsOf } from "./config.js";
import { openDatabaseRetrying } from "./db/client.js";
import { createDocumentRenderer } from "./documents/renderer.js";
import { createKeyedLock } from "./keyed-lock.js";
import { createLogger } from "./logger.js";
import { TEMPLATES_DIR } from "./paths.js";

/** Start intplan: read config, open the database (running migrations), serve, and shut down cleanly. */
async function main(): Promise<void> {
  const result = readConfigFromEnvironment();
  if (!result.ok) {
    process.stderr.write(
      [
        "intplan cannot start: its configuration is incomplete.",
        ...result.problems.map((p) => `  - ${p}`),
        "Put these in the environment or in a .env file in this folder (see .env.example and README.md).",
        "",
      ].join("\n"),
    );
    process.exitCode = 1;
    return;
  }
  const config = result.config;
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const clock = () => new Date();
  // A database that cannot be opened or written does not stop the start: the app answers (saying the
  // database is unavailable, /healthz 503) while opening is retried in the background.
  const database = openDatabaseRetrying(config.databaseUrl, {
    clock,
    onOpenFailed: (error, retryInMs) =>
      logger.error(
        `The database at ${config.databaseUrl} cannot be opened (${error instanceof Error ? error.message : String(error)}); changes are refused until it can. Trying again in ${Math.round(retryInMs / 1000)} s.`,
      ),
    onOpened: () => logger.info(`The database at ${config.databaseUrl} is open.`),
    onHealthChange: (health) =>
      health.writable
        ? logger.info("The database accepts changes again.")
        : logger.error(
            `The database does not accept changes (${health.problem}: ${health.detail}); changes are refused and /healthz answers 503 until it does.`,
          ),
  });
  const app = createApp({
    config,
    db: database.db,
    database,
    clock,
    logger,
    locks: createKeyedLock(),
    documents: createDocumentRenderer({ templatesDir: TEMPLATES_DIR }),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing work in flight, then stopping.`);
    await app.stop();
    database.close();
    logger.info("Stopped.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const { port } = await app.start();
  logger.info(
    config.mode === "socket"
      ? `intplan is running in Socket Mode (health check on http://localhost:${port}/healthz).`
      : `intplan is listening on http://localhost:${port}/slack/events (health check: /healthz).`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `intplan failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
