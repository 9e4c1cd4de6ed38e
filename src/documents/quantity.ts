/** "1,200 hours", "99.5%", "$2,000": a number as the documents print it, with its unit. */
export function formatQuantity(value: number, unit = ""): string {
  const n = value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (unit === "") return n;
  return unit.startsWith("%") ? `${n}${unit}` : `${n} ${unit}`;
}
