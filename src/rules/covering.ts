/**
 * Covering arrays: few rows such that any `t` columns show every combination of their values
 * at least once. Built with IPOG (Lei et al., "IPOG: a general strategy for t-way software
 * testing", 2007): start with every combination of the first t columns, then add one column
 * at a time, first choosing its value in each existing row to cover the most missing
 * combinations (horizontal growth), then adding or filling rows for those still missing
 * (vertical growth). A row holds value indices: row[j] is in 0..sizes[j]-1.
 */

import { at } from '../core/lookup.js';

const FREE = -1;

/** Every k-subset of 0..n-1, in lexicographic order. */
export function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const go = (from: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      go(i + 1);
      pick.pop();
    }
  };
  go(0);
  return out;
}

/** How many t-way value combinations there are to cover. */
export function countCombinations(sizes: readonly number[], t: number): number {
  if (t > sizes.length) return 0;
  return subsets(sizes.length, t).reduce((n, cols) => n + cols.reduce((p, j) => p * at(sizes, j), 1), 0);
}

/** A greedy t-way covering array over columns with the given numbers of values (each at least 1). */
export function coveringArray(sizes: readonly number[], t: number): number[][] {
  if (!Number.isInteger(t) || t < 1) throw new RangeError(`strength must be a positive integer, not ${t}`);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new RangeError('every column needs at least one value');
  const n = sizes.length;
  if (n === 0) return [];
  // Largest columns first: their combinations fix the array's size, the rest fit in.
  const columns = sizes.map((size, j) => ({ size, j })).sort((a, b) => b.size - a.size || a.j - b.j);
  const order = columns.map((c) => c.j);
  const s = columns.map((c) => c.size);
  const strength = Math.min(t, n);

  // Every combination of the first `strength` columns; later columns free.
  let rows: number[][] = [[]];
  for (const size of s.slice(0, strength)) rows = rows.flatMap((r) => Array.from({ length: size }, (_, v) => [...r, v]));
  rows = rows.map((r) => [...r, ...new Array<number>(n - strength).fill(FREE)]);

  for (let k = strength; k < n; k++) extend(rows, s, k, strength);

  // Free cells cover nothing that is required: fill them, varied, for more diverse rows.
  return rows.map((r, i) => {
    const out = new Array<number>(n);
    r.forEach((v, j) => (out[at(order, j)] = v === FREE ? (i + j) % at(s, j) : v));
    return out;
  });
}

/** Adds column k so that every combination of it with `t - 1` earlier columns is covered. */
function extend(rows: number[][], s: readonly number[], k: number, t: number): void {
  const combos = subsets(k, t - 1);
  const sk = at(s, k);
  // missing[c][index of the earlier columns' values * sk + value of column k] = 1 while not covered.
  const missing = combos.map((cols) => new Uint8Array(cols.reduce((p, j) => p * at(s, j), 1) * sk).fill(1));
  // Index of a row's values in the earlier columns of combo c, or -1 where one is free. (The hot
  // loops below read in-range indices: `?? FREE` and `?? 0` only satisfy the type checker.)
  const base = (row: number[], cols: number[]): number => {
    let idx = 0;
    for (const j of cols) {
      const v = row[j] ?? FREE;
      if (v === FREE) return -1;
      idx = idx * (s[j] ?? 1) + v;
    }
    return idx;
  };
  const markCovered = (row: number[]): void => {
    const v = at(row, k);
    if (v === FREE) return;
    combos.forEach((cols, c) => {
      const b = base(row, cols);
      if (b >= 0) at(missing, c)[b * sk + v] = 0;
    });
  };

  // Horizontal growth: each row takes the value of column k that covers the most missing combinations.
  const gain = new Array<number>(sk);
  for (const row of rows) {
    gain.fill(0);
    combos.forEach((cols, c) => {
      const b = base(row, cols);
      if (b < 0) return;
      const m = at(missing, c);
      for (let v = 0; v < sk; v++) gain[v] = (gain[v] ?? 0) + (m[b * sk + v] ?? 0);
    });
    let best = 0;
    for (let v = 1; v < sk; v++) if ((gain[v] ?? 0) > (gain[best] ?? 0)) best = v;
    row[k] = best;
    markCovered(row);
  }

  // Vertical growth: put each combination still missing in a row whose cells are free or equal, else in a new row.
  const n = at(rows, 0).length;
  combos.forEach((cols, c) => {
    const m = at(missing, c);
    for (let idx = 0; idx < m.length; idx++) {
      if (!m[idx]) continue;
      const values: number[] = [];
      let rest = Math.floor(idx / sk);
      for (let i = cols.length - 1; i >= 0; i--) {
        const size = at(s, at(cols, i));
        values[i] = rest % size;
        rest = Math.floor(rest / size);
      }
      const v = idx % sk;
      const fits = (row: number[]): boolean =>
        (row[k] === FREE || row[k] === v) && cols.every((j, i) => row[j] === FREE || row[j] === values[i]);
      let row = rows.find(fits);
      if (!row) {
        row = new Array<number>(n).fill(FREE);
        rows.push(row);
      }
      row[k] = v;
      cols.forEach((j, i) => (row[j] = at(values, i)));
      markCovered(row);
    }
  });
}

/**
 * The t-way combinations the rows miss (an empty list when the array covers them all), as
 * [columns, values] pairs; at most `limit` of them. Independent of the construction above.
 */
export function missingCombinations(
  rows: readonly (readonly number[])[],
  sizes: readonly number[],
  t: number,
  limit = 10,
): Array<{ columns: number[]; values: number[] }> {
  const out: Array<{ columns: number[]; values: number[] }> = [];
  for (const cols of subsets(sizes.length, t)) {
    const seen = new Set(rows.map((r) => cols.map((j) => r[j]).join(',')));
    let values: number[] = cols.map(() => 0);
    for (;;) {
      if (!seen.has(values.join(','))) {
        out.push({ columns: cols, values: [...values] });
        if (out.length >= limit) return out;
      }
      // Next combination, like an odometer.
      let i = cols.length - 1;
      while (i >= 0 && values[i] === at(sizes, at(cols, i)) - 1) values[i--] = 0;
      if (i < 0) break;
      values = values.map((x, j) => (j === i ? x + 1 : x));
    }
  }
  return out;
}
