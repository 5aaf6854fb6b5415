import { message } from './messages.js';
import type { RuleBase, Source } from './types.js';

/**
 * A source as a reader can follow it: "Title. Publisher, year. https://…", with a word on the
 * address when it is only a copy, and a plain "not published online" when there is none.
 */
export function sourceEntry(rules: RuleBase, s: Source): string {
  const stop = (x: string): string => (/[.!?]$/.test(x) ? x : `${x}.`);
  const parts = [stop(s.title), stop(s.year ? `${s.publisher}, ${s.year}` : s.publisher)];
  if (s.access === 'online') parts.push(s.url);
  else if (s.access === 'copy') parts.push(`${s.url} (${message(rules, 'source.copy')})`);
  else parts.push(message(rules, s.access === 'unpublished' ? 'source.unpublished' : 'source.notFound'));
  if (s.note) parts.push(stop(s.note));
  return parts.join(' ');
}

/** Points from one source, each once: several citations of one source make one line. */
export function groupBySource<T extends { id: string; point: string; in?: string }>(
  refs: readonly T[],
): { first: T; points: string[] }[] {
  const out = new Map<string, { first: T; points: string[] }>();
  for (const r of refs) {
    const entry = out.get(r.id) ?? { first: r, points: [] };
    if (!entry.points.includes(r.point)) entry.points.push(r.point);
    out.set(r.id, entry);
  }
  return [...out.values()];
}
