import { type KnownBlock, LIMITS, section } from "./block-kit.js";

/**
 * Packs lines into as few section blocks as Slack's 3000-character section limit allows, never more than
 * `maxBlocks`; lines that do not fit are counted in `left`.
 */
export function linesToSections(
  lines: readonly string[],
  maxBlocks: number,
): { blocks: KnownBlock[]; left: number } {
  const texts: string[] = [];
  let used = 0;
  for (const line of lines) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= LIMITS.sectionText) {
      texts[texts.length - 1] = `${last}\n${line}`;
    } else if (texts.length < maxBlocks) {
      texts.push(line);
    } else {
      break;
    }
    used++;
  }
  return { blocks: texts.map((text) => section(text)), left: lines.length - used };
}
