/**
 * The README is a newcomer's page and the reference lives in docs/, one topic a page: the README
 * opens with what the tool is and the two commands, stays short, and every link of the README and
 * of docs/ leads to a file that exists (docs/ ships in the package: links must hold there too).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCS = join(ROOT, 'docs');
const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));

/** Relative links of a markdown text: [text](target), without the #fragment. */
const links = (md: string): string[] =>
  [...md.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#'))
    .map((l) => decodeURI(l.split('#')[0]!));

describe('the README', () => {
  it('opens with what tip-coord is, then the two commands', () => {
    const lines = README.split('\n');
    expect(lines[0]).toBe('# tip-coord');
    const fence = lines.indexOf('```sh');
    expect(fence).toBeGreaterThan(1);
    expect(lines.slice(1, fence).join(' ')).toMatch(/trafficking in persons/);
    expect(lines[fence + 1]).toMatch(/^npm ci && npx tip-coord assess\s+#/);
    expect(lines[fence + 2]).toMatch(/^npm test\s+#/);
  });

  it('is at most 2,500 words, as wc -w counts them', () => {
    expect(README.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2500);
  });

  it('shows a first run with its output, and links every page of docs/ from itself or the docs index', () => {
    expect(README).toMatch(/```console\n\$ npx tip-coord assess --answers examples\/\S+\.json/);
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const page of pages.filter((p) => p !== 'README.md'))
      expect(`${README}\n${index}`, page).toMatch(new RegExp(`\\]\\((?:docs/)?${page.replace('.', '\\.')}[)#]`));
  });
});

describe('docs/', () => {
  it('has a page for each topic of the reference', () => {
    for (const page of ['README.md', 'commands.md', 'answers.md', 'exit-codes.md', 'rules.md', 'batch.md'])
      expect(pages).toContain(page);
  });

  it.each([['README.md', README], ...pages.map((p) => [`docs/${p}`, readFileSync(join(DOCS, p), 'utf8')])])(
    '%s: every relative link leads to a file that exists',
    (file, md) => {
      for (const link of links(md))
        expect(existsSync(resolve(dirname(join(ROOT, file)), link)), `${file} -> ${link}`).toBe(true);
    },
  );

  it('ships in the package', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('docs');
  });
});
