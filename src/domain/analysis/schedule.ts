import { isoDate } from "../dates.js";
import type { PhaseEstimate, Timeline } from "./timeline.js";

/** A phase's planned dates (YYYY-MM-DD), from the planned start and the likely weeks of the phases before it. */
export interface PhaseDates {
  number: PhaseEstimate["number"];
  start: string;
  end: string;
}

export interface Schedule {
  /** YYYY-MM-DD: the planned start answer, else the project's creation date. */
  start: string;
  phases: PhaseDates[];
  /** The likely go-live: the end of phase 4. */
  likelyGoLive: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (date: string, days: number) =>
  isoDate(new Date(Date.parse(`${date}T00:00:00.000Z`) + Math.round(days) * DAY_MS));

/** Each phase starts when the one before it ends; phase 1 starts on `start`. */
export function planSchedule(timeline: Timeline, start: string): Schedule {
  let cursor = start;
  const phases = timeline.phases.map((p) => {
    const begins = cursor;
    cursor = addDays(begins, p.weeks * 7);
    return { number: p.number, start: begins, end: cursor };
  });
  return { start, phases, likelyGoLive: phases[3]?.end ?? start };
}
