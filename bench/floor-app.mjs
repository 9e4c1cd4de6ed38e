/**
 * The floor: the fastest a Bolt app can answer intplan's requests. One listener acks `/intplan` at once and
 * one acks any view submission at once; nothing else. Run as a child process by the bench, configured by
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL and PORT, with the same /healthz route as intplan.
 * Plain JavaScript, so it runs on bare Node as intplan's compiled build does: no loader in either process.
 */
import { App, LogLevel } from "@slack/bolt";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`The floor app needs ${name}.`);
  return value;
};

const app = new App({
  token: env("SLACK_BOT_TOKEN"),
  signingSecret: env("SLACK_SIGNING_SECRET"),
  clientOptions: { slackApiUrl: env("SLACK_API_URL") },
  logLevel: LogLevel.WARN,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true }));
      },
    },
  ],
});

app.command("/intplan", async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());

const shutdown = () => void app.stop().finally(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

await app.start({ port: Number(env("PORT")), host: "127.0.0.1" });
