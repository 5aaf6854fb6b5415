/**
 * `tip-coord web` writes one self-contained page: within 2 MB, a Content-Security-Policy that
 * allows nothing but its own script and style (by hash), no address to fetch, no raw control
 * character, the rule base as the command line reads it (every file, hashed the same), both
 * languages. Driven through the built CLI; the page itself is tested in a browser (page.test.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../src/core/sanitize.js';
import type { WebData } from '../../src/render/web-page.js';
import { DEFAULT_RULES_DIR, listFiles, loadRuleBase } from '../../src/rules/folder.js';
import { toolTexts } from '../../src/core/texts.js';
import { cli, refusal } from '../support/cli.js';

/** A refusal as the quality bar wants it (a synchronous run has no signal). */
const refused = (r: ReturnType<typeof cli>): ReturnType<typeof refusal> => refusal({ ...r, signal: null });

const tmp = mkdtempSync(join(tmpdir(), 'tip-web-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MAX_BYTES = 2 * 1024 * 1024;

function written(args: string[]): { html: string; path: string; stdout: string } {
  const path = join(tmp, `page-${Math.random().toString(36).slice(2)}.html`);
  const r = cli(['web', '--out', path, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { html: readFileSync(path, 'utf8'), path, stdout: r.stdout };
}

const between = (html: string, open: RegExp, close: string): string => {
  const m = open.exec(html);
  expect(m, String(open)).not.toBeNull();
  const start = m!.index + m![0].length;
  return html.slice(start, html.indexOf(close, start));
};

const dataOf = (html: string): WebData =>
  JSON.parse(between(html, /<script type="application\/json" id="tip-data">/, '</script>')) as WebData;

describe('tip-coord web', () => {
  const { html, stdout } = written([]);

  it('writes one file of at most 2 MB and says where', () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(MAX_BYTES);
    expect(stdout).toMatch(/Page written: .*page-.*\.html \(\d+ kB, English \(en\), Français \(fr\)\)/);
  });

  it("has a CSP with default-src 'none' that allows exactly its inline script and style, by hash", () => {
    const csp = between(html, /<meta http-equiv="Content-Security-Policy" content="/, '"');
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|data:|blob:|\*/);
    const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    // The Word writer is carried inert (run on the first Word report) and allowed by its hash too.
    const inert = [...html.matchAll(/<script type="text\/plain" id="tip-docx">([\s\S]*?)<\/script>/g)].map(
      (m) => m[1]!,
    );
    expect(scripts).toHaveLength(1);
    expect(inert).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`script-src ${sha(scripts[0]!)} ${sha(inert[0]!)};`);
    // Nothing in them that would change where the HTML parser ends a script.
    for (const code of [...scripts, ...inert]) expect(/<!--|<\/?script/i.test(code)).toBe(false);
    expect(csp).toContain(`style-src ${sha(styles[0]!)}`);
    // The report's print stylesheet (A4) is part of the page's style.
    expect(styles[0]).toContain('@page { size: A4;');
  });

  it('names no address to fetch and holds no raw control character', () => {
    // The markup outside the scripts: no element that fetches has a source or a link.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
    expect(
      markup.match(/<(?:script|img|link|iframe|object|embed|source|video|audio)\b[^>]*\s(?:src|href)=/i)?.[0],
    ).toBeUndefined();
    expect(markup.match(/@import|url\(\s*['"]?(?:https?:|\/\/)/i)?.[0]).toBeUndefined();
    expect(cleanText(html) === html).toBe(true);
  });

  it('carries the rule base as the command line reads it: the same files, so the same hash', () => {
    const data = dataOf(html);
    expect(data.files).toEqual(listFiles(DEFAULT_RULES_DIR, toolTexts('en')));
    expect(data.files.some((f) => f.rel.startsWith('scenarios/'))).toBe(false);
    expect(data.langs).toEqual(['en', 'fr']);
    expect(data.lang).toBe('en');
    expect(data.rulesFolder).toBeNull();
  });

  it('opens in the language asked for (--lang fr)', () => {
    const fr = written(['--lang', 'fr']);
    expect(fr.html).toMatch(/<html lang="fr">/);
    expect(dataOf(fr.html).lang).toBe('fr');
    expect(fr.stdout).toMatch(/^Page écrite\u00a0: /);
  });

  it('embeds a contextualised copy (--rules) with its own name, and names its folder as reports do', () => {
    const copy = join(tmp, 'country-x');
    cpSync(DEFAULT_RULES_DIR, copy, { recursive: true });
    const rulesetPath = join(copy, 'ruleset.json');
    const ruleset = JSON.parse(readFileSync(rulesetPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(rulesetPath, JSON.stringify({ ...ruleset, name: 'Country X rules' }, null, 2));
    rmSync(join(copy, 'locales'), { recursive: true });
    const r = cli(['web', '--out', join(tmp, 'x.html'), '--rules', copy], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const data = dataOf(readFileSync(join(tmp, 'x.html'), 'utf8'));
    expect(data.langs).toEqual(['en']);
    expect(data.rulesFolder).toBe('country-x');
    expect(data.files.find((f) => f.rel === 'ruleset.json')!.text).toContain('Country X rules');
    expect(loadRuleBase(copy).name).toBe('Country X rules');
  });

  it('refuses a broken rule copy and an existing file, writing nothing', () => {
    const broken = join(tmp, 'broken');
    cpSync(DEFAULT_RULES_DIR, broken, { recursive: true });
    writeFileSync(join(broken, 'questions.json'), '{');
    const out = join(tmp, 'never.html');
    const bad = cli(['web', '--out', out, '--rules', broken]);
    expect(refused(bad).ok, refused(bad).why).toBe(true);
    expect(bad.stderr).toContain('questions.json');
    expect(() => readFileSync(out)).toThrow();
    const taken = join(tmp, 'taken.html');
    writeFileSync(taken, 'mine');
    const again = cli(['web', '--out', taken]);
    expect(refused(again).ok, refused(again).why).toBe(true);
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    expect(cli(['web', '--out', taken, '--force']).code).toBe(0);
  });

  it('refuses a rule set whose name holds personal data, as assess does', () => {
    const copy = join(tmp, 'named');
    cpSync(DEFAULT_RULES_DIR, copy, { recursive: true });
    const rulesetPath = join(copy, 'ruleset.json');
    const ruleset = JSON.parse(readFileSync(rulesetPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(rulesetPath, JSON.stringify({ ...ruleset, name: 'rules of jane.doe@example.org' }));
    const r = cli(['web', '--out', join(tmp, 'named.html'), '--rules', copy]);
    expect(refused(r).ok, refused(r).why).toBe(true);
    expect(r.stderr).toContain('e-mail');
  });
});
