/**
 * "Did you mean …?": the candidate nearest to a mistyped word, by edit distance (a letter added,
 * removed, changed, or two letters swapped), ignoring case. None when nothing is near enough:
 * a wrong guess would mislead more than no guess.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const word = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate.toLowerCase());
    // Near enough: at most 2 edits, and under half the word's length changed.
    if (d <= 2 && d < Math.max(word.length, candidate.length) / 2 && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one letter). */
export function editDistance(a: string, b: string): number {
  // Three rows of the table: two back (for a swap), the previous one, the one being filled.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // Every cell read here was filled before: j - 1 in this row, j - 1 and j in the others.
      let d = Math.min((prev[j] ?? i) + 1, (row[j - 1] ?? i) + 1, (prev[j - 1] ?? i) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? i) + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
}
