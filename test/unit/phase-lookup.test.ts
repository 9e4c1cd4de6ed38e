import { describe, expect, it } from "vitest";
import { findPhase } from "../../src/domain/phases.js";
import { readWholeNumber } from "../../src/slack/action-value.js";

describe("naming a phase in /intplan phase", () => {
  it.each([
    ["2", 2],
    ["phase 3", 3],
    ["#4", 4],
    ["uat", 3],
    ["post launch", 5],
  ])("%s is phase %i", (typed, number) => {
    expect(findPhase(typed)?.number).toBe(number);
  });

  it.each(["-1", "2.5", "12", "0", "1e3", "phase -2", "3rd"])("%s is no phase at all", (typed) => {
    expect(findPhase(typed)).toBeUndefined();
  });
});

describe("a number carried in a button's value", () => {
  it("is read only when it is plain digits", () => {
    expect(readWholeNumber("42")).toBe(42);
    for (const forged of ["1e3", "-1", "2.5", "12abc", " 7", "", undefined, "9999999999"]) {
      expect(readWholeNumber(forged)).toBeUndefined();
    }
  });
});
