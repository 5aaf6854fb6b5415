/**
 * Issue 15, "Smaller": reserved ids, link schemes in disguise, a broken fallback file, bytes
 * that are not UTF-8, a huge SOURCE_DATE_EPOCH, 29 February, today's date in the user's time
 * zone, "&lt;" in a name, "İstanbul" in a file name.
 */
import { readFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeSlug } from '../../src/cli/report-files.js';
import { localDate } from '../../src/cli/run-info.js';
import { reviewDate } from '../../src/core/stamp.js';
import { htmlDocument } from '../../src/render/html.js';
import { cli, ROOT } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-small-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(tmp, `case-${++n}`);
const EXAMPLE = join(ROOT, 'examples', 'refugee-wg-documented.json');
const STACK = /^\s+at .+[(:]\d+/m;

const oneLine = (r: { code: number | null; stderr: string }): void => {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(STACK);
};

describe('reserved names', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a question id %j in a rule folder is refused, without a stack',
    (id) => {
      const rules = fresh();
      expect(cli(['rules', 'init', rules, '--name', 'Reserved']).code).toBe(0);
      const file = join(rules, 'questions.json');
      const q = JSON.parse(readFileSync(file, 'utf8')) as { questions: Array<{ id: string }> };
      q.questions.push({ ...q.questions[0]!, id });
      writeFileSync(file, JSON.stringify(q));
      const r = cli(['assess', '--rules', rules, '--answers', EXAMPLE, '--format', 'json']);
      oneLine(r);
      expect(r.stderr).toContain(`question "${id}": is a reserved name`);
    },
  );

  it('--set expertiseElsewhere=constructor is a value outside the list, not a built-in function', () => {
    const r = cli(['assess', '--answers', EXAMPLE, '--format', 'json', '--set', 'expertiseElsewhere=constructor']);
    oneLine(r);
    expect(r.stderr).toContain('"constructor"');
    expect(r.stderr).not.toContain('native code');
  });
});

describe('HTML links from rule files', () => {
  it.each([
    '<java\tscript:alert(2)>',
    '\u0001javascript:alert(1)',
    'javascript&colon;alert(3)',
    ' JaVaScRiPt:alert(4)',
  ])('a link to %j is not a link', (href) => {
    const html = htmlDocument('t', [`see [b](${href})`]);
    expect(html).not.toMatch(/<a /);
  });

  it('a link to a file beside the page stays a link', () => {
    expect(htmlDocument('t', ['[chart](2026-01-01-portfolio.svg)'])).toContain('<a href="2026-01-01-portfolio.svg">');
  });
});

describe('a broken fallback file', () => {
  it('an error in focal_point.json is the only error: no "no fallback" besides', () => {
    const rules = fresh();
    expect(cli(['rules', 'init', rules, '--name', 'Broken']).code).toBe(0);
    const file = join(rules, 'mechanisms', 'focal_point.json');
    // The fallback rule itself is the one broken.
    const item = JSON.parse(readFileSync(file, 'utf8')) as { rules: { id: string; role?: string }[] };
    for (const rule of item.rules) if (rule.id === 'fp-fallback') rule.role = 'primry';
    writeFileSync(file, JSON.stringify(item));
    const r = cli(['rules', 'validate', '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('focal_point.json');
    expect(r.stdout).not.toContain('no fallback');
    expect(r.stdout).toMatch(/errors: 1\b/);
  });
});

describe('bytes that are not UTF-8', () => {
  it('invalid UTF-8 in an answers file is refused, saying where, not turned into U+FFFD', () => {
    const file = join(tmp, 'latin1.json');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('{"version":1,"response":{"name":"Goma '),
        Buffer.from([0xe9]),
        Buffer.from('"},"answers":{}}'),
      ]),
    );
    const r = cli(['assess', '--answers', file, '--format', 'json']);
    oneLine(r);
    expect(r.stderr).toMatch(/not valid UTF-8 \(byte 39\)/);
  });

  it('a UTF-16 file is named as such, its bytes not printed', () => {
    const file = join(tmp, 'utf16.json');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"version":1,"answers":{}}', 'utf16le')]),
    );
    const r = cli(['assess', '--answers', file, '--format', 'json']);
    oneLine(r);
    expect(r.stderr).toContain('UTF-16');
    expect(r.stderr).not.toMatch(/[\u0000\ufffd\u00ff\u00fe]/);
  });

  it('a CSV for batch, read as a stream, is refused as a whole before any report is written, naming the byte', () => {
    const file = join(tmp, 'latin1.csv');
    // Past the first 1 MB chunk, so the bad byte is found by the chunked check, not in the first read.
    const rows = Array.from({ length: 60_000 }, (_, i) => `Response ${i},isolated`).join('\n');
    const head = Buffer.from(`name,tipScale\n${rows}\nGoma `);
    writeFileSync(file, Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(',isolated\n')]));
    const out = fresh();
    const r = cli(['batch', file, '--out', out]);
    oneLine(r);
    expect(r.stderr).toContain(`not valid UTF-8 (byte ${head.length + 1})`);
    expect(() => readdirSync(out)).toThrow();
    const utf16 = join(tmp, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,tipScale\n', 'utf16le')]));
    const w = cli(['batch', utf16, '--out', out]);
    oneLine(w);
    expect(w.stderr).toContain('UTF-16');
  });
});

describe('dates', () => {
  it('a 10,000-digit SOURCE_DATE_EPOCH is refused without being echoed whole', () => {
    const r = cli(['assess', '--answers', EXAMPLE, '--format', 'json'], {
      env: { SOURCE_DATE_EPOCH: '9'.repeat(10_000) },
    });
    oneLine(r);
    expect(r.stderr.length).toBeLessThan(300);
  });

  it('one year after 2024-02-29 is 2025-02-28', () => {
    expect(reviewDate('2024-02-29', 'protracted')).toBe('2025-02-28');
    expect(reviewDate('2024-02-28', 'protracted')).toBe('2025-02-28');
    expect(reviewDate('2023-03-01', 'protracted')).toBe('2024-03-01');
  });

  it("today is the user's date (Pacific/Kiritimati, UTC+14), not the UTC one", () => {
    const now = new Date('2026-01-01T11:00:00Z'); // 2026-01-02 01:00 in Kiritimati
    const out = fresh();
    const r = cli(['assess', '--answers', EXAMPLE, '--out', out], { env: { TZ: 'Pacific/Kiritimati' } });
    expect(r.code).toBe(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(readdirSync(out)[0]).toMatch(new RegExp(`^${today}-`));
    // And the function itself, in this process's zone.
    const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(localDate(now)).toBe(local);
  });
});

describe('names', () => {
  it('"&lt;" in a name stays the text "&lt;" in HTML', () => {
    const file = join(tmp, 'lt.json');
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
    answers.response.name = 'Goma &lt;north&gt; &amp; west';
    writeFileSync(file, JSON.stringify(answers));
    const out = fresh();
    const r = cli(['assess', '--answers', file, '--out', out, '--format', 'html', '--date', '2026-01-01']);
    expect(r.code).toBe(0);
    const html = readFileSync(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('.html'))!,
      ),
      'utf8',
    );
    expect(html).toContain('Goma &amp;lt;north&amp;gt; &amp;amp; west');
  });

  it('"İstanbul" becomes "istanbul" in a file name, not "i̇stanbul"', () => {
    expect(safeSlug('İstanbul Gaziantep')).toBe('istanbul-gaziantep');
  });
});
