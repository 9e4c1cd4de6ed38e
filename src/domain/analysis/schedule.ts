import { addDays } from "../dates.js";
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
  /** The go-live if every phase takes its best or its worst weeks. */
  bestGoLive: string;
  worstGoLive: string;
}

/**
 * Each phase starts when the one before it ends; phase 1 starts on `start`. Days count from the start over
 * the weeks so far, so half weeks do not round up phase after phase.
 */
export function planSchedule(timeline: Timeline, start: string): Schedule {
  let weeksSoFar = 0;
  const phases = timeline.phases.map((p) => {
    const begins = addDays(start, weeksSoFar * 7);
    weeksSoFar += p.weeks;
    return { number: p.number, start: begins, end: addDays(start, weeksSoFar * 7) };
  });
  return {
    start,
    phases,
    likelyGoLive: phases[3]?.end ?? start,
    bestGoLive: addDays(start, timeline.toGoLive.best * 7),
    worstGoLive: addDays(start, timeline.toGoLive.worst * 7),
  };
}
