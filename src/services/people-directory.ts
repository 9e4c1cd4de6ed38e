import type { DirectoryName } from "../documents/people-presentation.js";

/**
 * Who the ids in a document are: the port the documents' presentation asks for people's and channels' names.
 * Slack's implementation (src/slack/slack-people-directory.ts, users.info and conversations.info) is built
 * in the app's wiring, wrapped in `cachedDirectory`. A lookup never throws: when Slack cannot be asked it
 * answers `unavailable`, so a document is still published (with a neutral word for that name, this time).
 */
export interface PeopleDirectory {
  person(id: string): Promise<DirectoryName>;
  channel(id: string): Promise<DirectoryName>;
  /**
   * The IANA time zone of a person's Slack profile ("Europe/Berlin"), for reminders and digests sent at their
   * morning; undefined when Slack says none (or the person is gone). Rejects when Slack cannot be asked.
   */
  timeZone(id: string): Promise<string | undefined>;
}

export interface DirectoryCacheOptions {
  clock: () => Date;
  /** How long a name is kept before Slack is asked again. */
  ttlMs: number;
}

/** Names change rarely; an hour-old name in a refreshed canvas is fine, and a refresh asks Slack little. */
export const DIRECTORY_TTL_MS = 60 * 60 * 1000;

/**
 * Keeps what `source` answered, in memory, for `ttlMs` on the injected clock. An `unavailable` answer is not
 * kept, so the next render asks again; lookups of one id under way at once share one call.
 */
export function cachedDirectory(source: PeopleDirectory, options: DirectoryCacheOptions): PeopleDirectory {
  /** `unavailable`: what a failed lookup answers (not kept), or "fail": it rejects (not kept either). */
  const cacheOf = <T>(lookup: (id: string) => Promise<T>, unavailable: T | "fail") => {
    const kept = new Map<string, { answer: Promise<T>; until: number }>();
    return (id: string): Promise<T> => {
      const now = options.clock().getTime();
      const hit = kept.get(id);
      if (hit && hit.until > now) return hit.answer;
      const answer = unavailable === "fail" ? lookup(id) : lookup(id).catch((): T => unavailable);
      const entry = { answer, until: now + options.ttlMs };
      kept.set(id, entry);
      const forget = () => {
        if (kept.get(id) === entry) kept.delete(id);
      };
      void answer.then((found) => {
        if (found === unavailable) forget();
      }, forget);
      return answer;
    };
  };
  const unavailable: DirectoryName = { status: "unavailable" };
  return {
    person: cacheOf(
      (id) => source.person(id).then((n) => (n.status === "unavailable" ? unavailable : n)),
      unavailable,
    ),
    channel: cacheOf(
      (id) => source.channel(id).then((n) => (n.status === "unavailable" ? unavailable : n)),
      unavailable,
    ),
    timeZone: cacheOf(
      (id) => source.timeZone(id),
      // A zone is never guessed: a lookup that fails fails the caller (the reminders job then waits and runs
      // again), since the wrong zone would send the digest at the wrong hour, or twice.
      "fail",
    ),
  };
}
