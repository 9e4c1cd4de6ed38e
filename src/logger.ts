import { LOG_LEVELS, type LogLevelName } from "./config.js";

const ORDER: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const REDACTED = "[redacted]";

/** What intplan's code logs through: four levels, any arguments. */
export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** The app's logger: also what Bolt and the Web API client ask of one (level and name can change). */
export interface AppLogger extends Logger {
  setLevel(level: string): void;
  getLevel(): LogLevelName;
  setName(name: string): void;
}

export interface LoggerOptions {
  level: LogLevelName;
  /** Values that must never be written (tokens, signing secret). */
  secrets?: string[];
  write?: (line: string) => void;
  now?: () => Date;
}

const isLevel = (value: string): value is LogLevelName => (LOG_LEVELS as readonly string[]).includes(value);

/** A logger that writes one line per entry and redacts secrets wherever they appear. */
export function createLogger(options: LoggerOptions): AppLogger {
  let level: LogLevelName = options.level;
  let name = "intplan";
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());

  const render = (arg: unknown): string => {
    if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`;
    if (typeof arg === "string") return arg;
    try {
      return JSON.stringify(arg);
    } catch {
      return String(arg);
    }
  };
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const log =
    (at: LogLevelName) =>
    (...args: unknown[]) => {
      if (ORDER[at] < ORDER[level]) return;
      write(redact(`${now().toISOString()} ${at.toUpperCase()} [${name}] ${args.map(render).join(" ")}`));
    };

  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    setLevel: (l: string) => {
      level = isLevel(l) ? l : level;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
