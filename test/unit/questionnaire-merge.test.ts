import { describe, expect, it } from "vitest";
import type { RawInput } from "../../src/domain/questionnaire/answers.js";
import { inputDigest, mergeSection } from "../../src/domain/questionnaire/merge.js";

const ids = ["tools", "volume", "owner"];
const digests = (values: Record<string, RawInput>) =>
  Object.fromEntries(ids.map((id) => [id, inputDigest(values[id])]));

describe("merging one person's submission of a section", () => {
  const shownValues = { tools: "Spreadsheets", volume: "500", owner: null };

  it("writes only the questions this person changed", () => {
    const merge = mergeSection({
      questionIds: ids,
      shown: digests(shownValues),
      submitted: { ...shownValues, volume: "800" },
      current: shownValues,
    });
    expect(merge).toEqual({ touched: { volume: "800" }, replaced: [], keptNewer: [] });
  });

  it("keeps what someone else changed meanwhile when this person left it alone", () => {
    const merge = mergeSection({
      questionIds: ids,
      shown: digests(shownValues),
      submitted: { ...shownValues, owner: "U0LEAD" },
      current: { ...shownValues, tools: "An ERP" },
    });
    expect(merge).toEqual({ touched: { owner: "U0LEAD" }, replaced: [], keptNewer: ["tools"] });
  });

  it("lets the later edit win when both changed a question, and says so", () => {
    const merge = mergeSection({
      questionIds: ids,
      shown: digests(shownValues),
      submitted: { ...shownValues, volume: "900" },
      current: { ...shownValues, volume: "800" },
    });
    expect(merge).toEqual({ touched: { volume: "900" }, replaced: ["volume"], keptNewer: [] });
  });

  it("is no conflict when both typed the same", () => {
    const merge = mergeSection({
      questionIds: ids,
      shown: digests(shownValues),
      submitted: { ...shownValues, volume: "800" },
      current: { ...shownValues, volume: "800" },
    });
    expect(merge.replaced).toEqual([]);
  });

  it("writes nothing for an untouched modal, however stale", () => {
    const merge = mergeSection({
      questionIds: ids,
      shown: digests(shownValues),
      submitted: shownValues,
      current: { tools: "An ERP", volume: "1,000", owner: "U0PM" },
    });
    expect(merge.touched).toEqual({});
    expect(merge.keptNewer).toEqual(ids);
  });

  it("treats blank as blank and picked options in any order as the same", () => {
    expect(inputDigest("")).toBe(inputDigest(null));
    expect(inputDigest("  ")).toBe(inputDigest(undefined));
    expect(inputDigest([])).toBe(inputDigest(null));
    expect(inputDigest(["b", "a"])).toBe(inputDigest(["a", "b"]));
    expect(inputDigest("a\r\nb")).toBe(inputDigest("a\nb"));
    expect(inputDigest("a")).not.toBe(inputDigest("a "));
    expect(inputDigest("1")).not.toBe(inputDigest(["1"]));
    expect(inputDigest("x".repeat(3000)).length).toBeLessThanOrEqual(7);
  });

  it("writes everything submitted when the modal did not say what it showed", () => {
    const merge = mergeSection({ questionIds: ids, shown: undefined, submitted: shownValues, current: {} });
    expect(merge.touched).toEqual(shownValues);
  });
});
