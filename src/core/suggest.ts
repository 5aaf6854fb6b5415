/**
 * The candidate closest to a misspelt word, for "did you mean": edit distance (letters added,
 * removed, changed or swapped), case ignored; none when every candidate is too far off.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // A third of the word may be wrong, at least one letter and at most four.
  const limit = Math.min(4, Math.max(1, Math.floor(w.length / 3)));
  return bestDistance > 0 && bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one part). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}
