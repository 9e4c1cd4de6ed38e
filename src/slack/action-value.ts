/**
 * A whole number carried in a button's value, read strictly: only plain digits count, so "1e3", "-1",
 * "2.5" or "12abc" are not quietly taken for some other number.
 */
export function readWholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}
