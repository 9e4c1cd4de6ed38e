import { createApp } from "./app.js";
import { readConfigFromEnvironment, secretsOf } from "./config.js";
import { openDatabase } from "./db/client.js";
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
  const database = openDatabase(config.databaseUrl);
  const app = createApp({
    config,
    db: database.db,
    dbHealthy: database.ping,
    clock: () => new Date(),
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
