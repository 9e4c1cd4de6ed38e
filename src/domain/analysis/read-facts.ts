import { isCalendarDate, isoDate } from "../dates.js";
import type { IntegrationType } from "../integration-type.js";
import type { Answers } from "../questionnaire/answers.js";
import type { Blackout, BuildCostBasis, DiscoveryFacts, PeakSeason, SystemFacts } from "./facts.js";
import { describeVolume, readVolume as readVolumeText } from "./monthly-volume.js";
import { readList, readNumber, readText } from "./read-answers.js";

/** The project record fields the analysis reads. */
export interface AnalysedProject {
  clientName: string;
  systemA: string;
  systemB: string;
  summary: string | null;
  volumeEstimate: string | null;
  targetGoLive: string | null;
  /** When the project was created; the schedule starts here unless a planned start was given. */
  createdAt?: Date;
}

const LEGACY_FORMATS = new Set(["xml", "csv"]);
const BATCH_MODES = new Set(["bulk_export", "file_drop"]);

function yesNoUnknown(answer: string | null): boolean | null {
  if (answer === "yes" || answer === "partial") return true;
  if (answer === "no") return false;
  return null;
}

/** Batch support from the sync modes ticked, else from what was written about batch operations. */
function batchSupport(answers: Answers, side: "a" | "b"): boolean | null {
  const modes = readList(answers, `system_${side}_sync_modes`);
  if (modes.some((m) => BATCH_MODES.has(m))) return true;
  const described = readText(answers, `system_${side}_batch_operations`);
  if (described !== null) return !/^(no|none|not supported)\b/i.test(described);
  return modes.length > 0 ? false : null;
}

function readSystem(answers: Answers, side: "a" | "b", name: string): SystemFacts {
  const formats = readList(answers, `system_${side}_data_formats`);
  return {
    name,
    webhooks: yesNoUnknown(readText(answers, `system_${side}_webhooks`)),
    batch: batchSupport(answers, side),
    legacyFormats: formats.length > 0 && formats.every((f) => LEGACY_FORMATS.has(f)),
    quirkCount: readList(answers, `system_${side}_quirks`).length,
  };
}

const BUILD_COST_BASES: ReadonlySet<string> = new Set<BuildCostBasis>(["hourly", "daily", "fixed"]);

function readBuildCostBasis(answers: Answers): BuildCostBasis | null {
  const basis = readText(answers, "build_cost_basis");
  return basis !== null && BUILD_COST_BASES.has(basis) ? (basis as BuildCostBasis) : null;
}

/**
 * The volume as described and as records a month. The interview's answer is preferred to the estimate
 * typed at creation; an answer that gives no number per period yields to an estimate that does.
 */
function readVolume(
  answers: Answers,
  project: AnalysedProject,
): { text: string | null; perMonth: number | null; reading: string | null } {
  const described = [readText(answers, "data_volume"), project.volumeEstimate].filter(
    (text): text is string => text !== null,
  );
  for (const text of described) {
    const reading = readVolumeText(text);
    if (reading.perMonth !== null)
      return { text, perMonth: reading.perMonth, reading: describeVolume(reading) };
  }
  const text = described[0] ?? null;
  return { text, perMonth: null, reading: describeVolume(readVolumeText(text)) };
}

/** The blackout table's rows with a real start date; an end before the start (or none) means that one day. */
function readBlackouts(answers: Answers): Blackout[] {
  const rows: unknown = answers.blackout_dates;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row): Blackout[] => {
    if (typeof row !== "object" || row === null) return [];
    const { starts, ends, reason } = row as Record<string, unknown>;
    if (typeof starts !== "string" || !isCalendarDate(starts.trim())) return [];
    const start = starts.trim();
    const end =
      typeof ends === "string" && isCalendarDate(ends.trim()) && ends.trim() >= start ? ends.trim() : start;
    const why = typeof reason === "string" && reason.trim() !== "" ? reason.trim() : null;
    return [{ starts: start, ends: end, reason: why }];
  });
}

const PEAK_NAMES: ReadonlyArray<[PeakSeason, RegExp]> = [
  ["black-friday", /\b(black friday|cyber monday|bfcm)\b/i],
  ["christmas", /\b(christmas|xmas|holiday season|festive season)\b/i],
];

/** Every text answer, list item and table cell, and the project's volume estimate: where peaks are named. */
function allText(answers: Answers, project: AnalysedProject): string {
  const texts: string[] = [project.volumeEstimate ?? ""];
  const collect = (value: unknown): void => {
    if (typeof value === "string") texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect);
  };
  Object.values(answers).forEach(collect);
  return texts.join("\n");
}

function readPeakSeasons(answers: Answers, project: AnalysedProject): PeakSeason[] {
  const text = allText(answers, project);
  return PEAK_NAMES.filter(([, pattern]) => pattern.test(text)).map(([season]) => season);
}

const asDate = (text: string | null) => (text !== null && isCalendarDate(text) ? text : null);

/** Reads the facts the analysis works from out of the project and the interview's answers (by question id). */
export function readFacts(
  project: AnalysedProject,
  answers: Answers,
  integrationType: IntegrationType,
): DiscoveryFacts {
  const volume = readVolume(answers, project);
  return {
    clientName: project.clientName,
    integrationType,
    systemA: readSystem(answers, "a", project.systemA),
    systemB: readSystem(answers, "b", project.systemB),
    summary: readText(answers, "executive_summary") ?? project.summary,
    painPoints: readList(answers, "pain_points"),
    objectives: readList(answers, "business_objectives"),
    workflows: readList(answers, "workflows"),
    hasDataMigration: yesNoUnknown(readText(answers, "migration_needed")),
    volumeText: volume.text,
    monthlyVolume: volume.perMonth,
    volumeReading: volume.reading,
    migrationScope: readText(answers, "migration_scope"),
    blackouts: readBlackouts(answers),
    peakSeasons: readPeakSeasons(answers, project),
    manualHoursPerWeek: readNumber(answers, "hours_per_week"),
    hourlyCost: readNumber(answers, "hourly_cost"),
    errorRatePercent: readNumber(answers, "error_rate"),
    developmentHours: readNumber(answers, "development_hours"),
    maintenanceHoursPerMonth: readNumber(answers, "maintenance_hours_per_month"),
    supportHoursPerMonth: readNumber(answers, "support_hours_per_month"),
    revenueImpactPerMonth: readNumber(answers, "revenue_impact"),
    revenueMarginPercent: readNumber(answers, "revenue_margin_percent"),
    buildCostBasis: readBuildCostBasis(answers),
    buildCostAmount: readNumber(answers, "build_cost_amount"),
    automatedSharePercent: readNumber(answers, "automated_share_percent"),
    errorsPreventedPercent: readNumber(answers, "errors_prevented_percent"),
    targetGoLive: project.targetGoLive ?? asDate(readText(answers, "mvp_target_date")),
    plannedStart:
      asDate(readText(answers, "planned_start")) ?? (project.createdAt ? isoDate(project.createdAt) : null),
  };
}
