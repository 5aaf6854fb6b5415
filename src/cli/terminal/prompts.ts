/**
 * The interview's own list prompt, built on @inquirer/core's createPrompt: one question with
 * its answers (one answer, or ticks), where help and the glossary open from a key shown in the
 * key hint instead of being answer choices. Help pages are shown inside the prompt, a screen at
 * a time, and vanish when the question is answered: only the answer is echoed. Every line is
 * word-wrapped to the terminal with a hanging indent, so no word is cut at the screen's edge.
 */
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  Separator,
  useKeypress,
  usePrefix,
  useState,
} from '@inquirer/core';
import { hanging, wrapText } from '../../render/wrap.js';

export { Separator };

export interface Choice<V> {
  name: string;
  value: V;
  /** Shown after the name; the choice cannot be picked. */
  disabled?: string;
  checked?: boolean;
}

export interface ListWords {
  navigate: string;
  select: string;
  tick: string;
  all: string;
  submit: string;
  help: string;
  glossary: string;
  back: string;
  more: string;
  none: string;
  disabled: string;
  /** The names of the space bar and the escape key, as keyboards in the language print them. */
  space: string;
  esc: string;
  /** "page {n} of {total}" */
  page: (n: number, total: number) => string;
}

export interface ListConfig<V> {
  message: string;
  choices: ReadonlyArray<Choice<V> | Separator>;
  multi?: boolean;
  default?: V;
  /** A value that stands alone when ticked ("Don't know"): ticking it clears the others, and back. */
  exclusive?: V;
  /** Texts opened by `?` (or `h`) and `g`; keys are offered only when given. */
  help?: string;
  glossary?: string;
  words: ListWords;
  columns: number;
  rows: number;
  pageSize?: number;
  loop?: boolean;
  /** Dim and bold, or plain text when colour is off. */
  style: { bold: (s: string) => string; dim: (s: string) => string; answer: (s: string) => string };
}

type Item<V> = Choice<V> | Separator;
const isChoice = <V>(i: Item<V>): i is Choice<V> => !Separator.isSeparator(i);
const selectable = <V>(i: Item<V>): i is Choice<V> => isChoice(i) && !i.disabled;

/** Splits a long text into pages that fit the screen with the prompt's two lines of keys. */
export function helpPages(text: string, columns: number, rows: number): string[][] {
  const lines = wrapText(text.trim(), columns).split('\n');
  const height = Math.max(5, rows - 6);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += height) pages.push(lines.slice(i, i + height));
  return pages.length ? pages : [[]];
}

/** One question as a list: returns the value picked, or the list of values ticked with `multi`. */
export const listPrompt = createPrompt(<V>(config: ListConfig<V>, done: (value: V | V[]) => void): string => {
  const { words, style, multi = false } = config;
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [items, setItems] = useState<Item<V>[]>(() => [...config.choices]);
  const first = items.findIndex(selectable);
  const last = items.length - 1 - [...items].reverse().findIndex(selectable);
  const start = config.default === undefined ? -1 : items.findIndex((i) => selectable(i) && i.value === config.default);
  const [active, setActive] = useState(start >= 0 ? start : first);
  const [view, setView] = useState<{ text: 'help' | 'glossary'; page: number } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const loop = config.loop ?? false;
  const width = Math.max(20, config.columns);

  const tick = (index: number, on?: boolean): void => {
    const target = items[index];
    if (!target || !selectable(target)) return;
    const now = on ?? !target.checked;
    setItems(
      items.map((it, i) => {
        if (!isChoice(it)) return it;
        if (i === index) return { ...it, checked: now };
        // "Don't know" stands alone: ticking it clears the answers, ticking an answer clears it.
        if (
          now &&
          config.exclusive !== undefined &&
          (target.value === config.exclusive) !== (it.value === config.exclusive)
        )
          return { ...it, checked: false };
        return it;
      }),
    );
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const seq = (key as { sequence?: string }).sequence;
    rl.clearLine(0);
    if (view) {
      const text = view.text === 'help' ? config.help : config.glossary;
      const pages = helpPages(text ?? '', width, config.rows).length;
      if (isSpaceKey(key) || isDownKey(key) || key.name === 'pagedown') {
        if (view.page + 1 < pages) setView({ ...view, page: view.page + 1 });
        else setView(undefined);
      } else if (isUpKey(key) || key.name === 'pageup') setView({ ...view, page: Math.max(0, view.page - 1) });
      else setView(undefined);
      return;
    }
    setError(undefined);
    if (isEnterKey(key)) {
      if (multi) {
        setStatus('done');
        done(items.filter((i): i is Choice<V> => isChoice(i) && Boolean(i.checked)).map((i) => i.value));
        return;
      }
      const picked = items[active];
      if (picked && selectable(picked)) {
        setStatus('done');
        done(picked.value);
      }
    } else if (isUpKey(key) || isDownKey(key)) {
      const step = isUpKey(key) ? -1 : 1;
      if (!loop && ((step < 0 && active <= first) || (step > 0 && active >= last))) return;
      const selectableAt = (i: number): boolean => {
        const it = items[i];
        return it !== undefined && selectable(it);
      };
      let next = active;
      do next = (next + step + items.length) % items.length;
      while (!selectableAt(next));
      setActive(next);
    } else if (multi && isSpaceKey(key)) {
      const it = items[active];
      if (it && isChoice(it) && it.disabled) setError(words.disabled);
      else tick(active);
    } else if (multi && key.name === 'a') {
      // Every answer, never "Don't know"; a second press clears them.
      const answers = items
        .map((it, i) => [it, i] as const)
        .filter(([it]) => selectable(it) && it.value !== config.exclusive);
      const all = answers.every(([it]) => (it as Choice<V>).checked);
      setItems(
        items.map((it) => (!selectable(it) ? it : { ...it, checked: it.value === config.exclusive ? false : !all })),
      );
    } else if (config.help !== undefined && (seq === '?' || key.name === 'h')) setView({ text: 'help', page: 0 });
    else if (config.glossary !== undefined && key.name === 'g') setView({ text: 'glossary', page: 0 });
  });

  const message = wrapText(`${prefix} ${style.bold(config.message)}`, width);
  if (status === 'done') {
    const picked = items.filter(
      (i): i is Choice<V> =>
        isChoice(i) && (multi ? Boolean(i.checked) : i.value === (items[active] as Choice<V>).value),
    );
    const answer = picked.length ? picked.map((c) => c.name).join(', ') : words.none;
    return wrapText(`${prefix} ${config.message} ${style.answer(answer)}`, width);
  }

  // Each "key action" stays whole on a line; the line breaks between them.
  const keys = (pairs: [string, string][], lead = ''): string => {
    const lines: string[] = [];
    let line = lead;
    let shown = lead.replace(/\x1b\[[0-9;]*m/g, '').length;
    for (const [k, w] of pairs) {
      const unit = `${style.bold(k)} ${style.dim(w)}`;
      const size = [...`${k} ${w}`].length;
      if (shown > 0 && shown + 3 + size > width - 1) {
        lines.push(line);
        line = '';
        shown = 0;
      }
      line += shown > 0 ? `${style.dim(' • ')}${unit}` : unit;
      shown += (shown > 0 ? 3 : 0) + size;
    }
    lines.push(line);
    return lines.map((l) => wrapText(l, width)).join('\n');
  };

  if (view) {
    const text = view.text === 'help' ? config.help : config.glossary;
    const pages = helpPages(text ?? '', width, config.rows);
    const page = pages[Math.min(view.page, pages.length - 1)] ?? [];
    const more = view.page + 1 < pages.length;
    const pairs: [string, string][] = [];
    if (more) pairs.push([words.space, words.more]);
    pairs.push([words.esc, words.back]);
    const where = pages.length > 1 ? style.dim(words.page(view.page + 1, pages.length)) : '';
    return [...page, '', keys(pairs, where), '\x1b[?25l'].join('\n');
  }

  const render = (item: Item<V>, isActive: boolean): string => {
    if (!isChoice(item)) return wrapText(` ${style.dim(item.separator)}`, width);
    const cursor = isActive ? '❯' : ' ';
    const box = multi ? (item.checked ? '◉ ' : '◯ ') : '';
    if (item.disabled) return style.dim(hanging(`  ${box}`, `${item.name} ${item.disabled}`, width));
    const text = hanging(`${cursor} ${box}`, item.name, width);
    return isActive ? theme.style.highlight(text) : text;
  };
  // Whole items only: a page never cuts a long answer in two (@inquirer's pagination counts lines).
  const page = wholeItems(
    items.map((it, i) => render(it, i === active).split('\n')),
    active,
    Math.max(5, Math.min(config.pageSize ?? 12, config.rows - 8)),
  );
  const pairs: [string, string][] = [['↑↓', words.navigate]];
  if (multi) pairs.push([words.space, words.tick], ['a', words.all]);
  pairs.push(['⏎', multi ? words.submit : words.select]);
  if (config.help !== undefined) pairs.push(['?', words.help]);
  if (config.glossary !== undefined) pairs.push(['g', words.glossary]);
  return [message, page, ' ', error ? style.bold(error) : '', keys(pairs), '\x1b[?25l']
    .filter((l) => l !== '')
    .join('\n');
});

/**
 * The items around the active one that fit in `height` lines, each whole: the active item, then
 * one more below and one more above in turn while they fit.
 */
export function wholeItems(rendered: string[][], active: number, height: number): string {
  let lo = active;
  let hi = active;
  let used = rendered[active]?.length ?? 0;
  for (let grew = true; grew;) {
    grew = false;
    const below = rendered[hi + 1];
    if (below && used + below.length <= height) {
      hi += 1;
      used += below.length;
      grew = true;
    }
    const above = rendered[lo - 1];
    if (above && used + above.length <= height) {
      lo -= 1;
      used += above.length;
      grew = true;
    }
  }
  return rendered
    .slice(lo, hi + 1)
    .flat()
    .join('\n');
}
