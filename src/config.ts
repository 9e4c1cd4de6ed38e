import { existsSync } from "node:fs";
import { z } from "zod";

/** The one module that reads the environment. Everything else receives a `Config`. */

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface Config {
  slackBotToken: string;
  slackSigningSecret: string | undefined;
  slackAppToken: string | undefined;
  port: number;
  databaseUrl: string;
  slackApiUrl: string | undefined;
  logLevel: LogLevelName;
  /** Socket Mode when an app-level token is given, HTTP otherwise. */
  mode: "socket" | "http";
}

/** Where to find each variable, said to a user who has not set it. */
const WHERE = {
  SLACK_BOT_TOKEN:
    "the Bot User OAuth Token (starts with xoxb-): your Slack app → OAuth & Permissions → Install to Workspace",
  SLACK_SIGNING_SECRET:
    "the Signing Secret: your Slack app → Basic Information → App Credentials (needed in HTTP mode, i.e. when SLACK_APP_TOKEN is not set)",
  SLACK_APP_TOKEN:
    "an app-level token (starts with xapp-) with the connections:write scope: your Slack app → Basic Information → App-Level Tokens",
  PORT: "a TCP port number for HTTP mode, 1-65535 (default 3000)",
  DATABASE_URL: "a SQLite file path or file: URL (default ./data/intplan.sqlite)",
  SLACK_API_URL: "the base URL of Slack's Web API, ending in /api/ (default https://slack.com/api/)",
  LOG_LEVEL: `one of ${LOG_LEVELS.join(", ")} (default info)`,
} as const;

type VarName = keyof typeof WHERE;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z.string({ error: "is not set" }).trim().startsWith("xoxb-", { error: "must start with xoxb-" }),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().trim().startsWith("xapp-", { error: "must start with xapp-" }).optional(),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be 1-65535" })
      .max(65535, { error: "must be 1-65535" })
      .default(3000),
  ),
  DATABASE_URL: z.preprocess(blankToUndefined, z.string().default("./data/intplan.sqlite")),
  SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ error: "must be an http(s) URL" }).optional()),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates an environment; never echoes a value back (they may be secrets). */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const isSet = (name: VarName) => (env[name] ?? "").trim() !== "";
  const problem = (name: VarName, message: string) => `${name} ${message}: ${WHERE[name]}.`;
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]) as VarName;
        return problem(name, isSet(name) ? issue.message : "is not set");
      });
  // HTTP mode verifies every request with the signing secret; Socket Mode does not need it.
  if (!isSet("SLACK_APP_TOKEN") && !isSet("SLACK_SIGNING_SECRET")) {
    problems.push(problem("SLACK_SIGNING_SECRET", "is not set"));
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  const e = parsed.data;
  const slackApiUrl =
    e.SLACK_API_URL && !e.SLACK_API_URL.endsWith("/") ? `${e.SLACK_API_URL}/` : e.SLACK_API_URL;
  return {
    ok: true,
    config: {
      slackBotToken: e.SLACK_BOT_TOKEN,
      slackSigningSecret: e.SLACK_SIGNING_SECRET,
      slackAppToken: e.SLACK_APP_TOKEN,
      port: e.PORT,
      databaseUrl: e.DATABASE_URL,
      slackApiUrl,
      logLevel: e.LOG_LEVEL,
      mode: e.SLACK_APP_TOKEN ? "socket" : "http",
    },
  };
}

/** Loads `.env` from the working directory when present (real environment variables win), then validates. */
export function readConfigFromEnvironment(envFile = ".env"): ConfigResult {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** The secret values of a config, for log redaction. */
export function secretsOf(config: Config): string[] {
  return [config.slackBotToken, config.slackSigningSecret, config.slackAppToken].filter(
    (s): s is string => typeof s === "string" && s.length > 0,
  );
}
