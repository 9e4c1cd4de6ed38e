import { LogLevel, type Logger as SlackLogger } from "@slack/web-api";
import type { AppLogger } from "../logger.js";

/** Our logger as Bolt and the Web API client want it (they name the levels with an enum of the same strings). */
export function slackLoggerOf(logger: AppLogger): SlackLogger {
  const levels = Object.values(LogLevel) as string[];
  return {
    debug: logger.debug,
    info: logger.info,
    warn: logger.warn,
    error: logger.error,
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => (levels.includes(logger.getLevel()) ? (logger.getLevel() as LogLevel) : LogLevel.INFO),
    setName: (name) => logger.setName(name),
  };
}
