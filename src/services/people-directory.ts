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
  const cacheOf = (lookup: (id: string) => Promise<DirectoryName>) => {
    const kept = new Map<string, { answer: Promise<DirectoryName>; until: number }>();
    return (id: string): Promise<DirectoryName> => {
      const now = options.clock().getTime();
      const hit = kept.get(id);
      if (hit && hit.until > now) return hit.answer;
      const answer = lookup(id).catch((): DirectoryName => ({ status: "unavailable" }));
      const entry = { answer, until: now + options.ttlMs };
      kept.set(id, entry);
      void answer.then((name) => {
        if (name.status === "unavailable" && kept.get(id) === entry) kept.delete(id);
      });
      return answer;
    };
  };
  return { person: cacheOf((id) => source.person(id)), channel: cacheOf((id) => source.channel(id)) };
}
