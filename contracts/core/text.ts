/** Counts code points, so a CJK or emoji name of N characters is N, whatever its UTF-16 length. */
export function charLength(value: string): number {
  return [...value].length;
}
