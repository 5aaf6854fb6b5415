/**
 * Issue 15, "Personal data reaches files that are forwarded": every text that lands in a
 * file (labels from file names, the rule-set name and folder, skip reasons, names) passes the
 * personal-data check; skip reasons say the kind of problem, never the value, the key or the
 * file's content, and no absolute path.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-pd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(tmp, `case-${++n}`);

/** Every file written in `dir`, concatenated. */
const allText = (dir: string): string =>
  readdirSync(dir)
    .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');

const EXAMPLE = join(ROOT, 'examples', 'refugee-wg-documented.json');
const answers = (extra: object = {}): string =>
  JSON.stringify({ version: 1, answers: { tipScale: 'isolated', ...extra } });

describe('personal data in the files batch writes', () => {
  it('a file name holding an e-mail address becomes neither a row label nor a report name', () => {
    const dir = fresh();
    const out = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'john.doe@example.org.json'), answers());
    const r = cli(['batch', dir, '--out', out, '--date', '2026-01-01']);
    expect(r.code).toBe(0);
    const files = allText(out);
    expect(files).not.toMatch(/john|example-org|example\.org/);
    expect(readdirSync(out)).toContain('2026-01-01-file-1.md');
  });

  it('skip reasons name the kind of problem, not the value, the key, the content or a home path', () => {
    const dir = fresh();
    const out = fresh();
    mkdirSync(dir);
    cpSync(EXAMPLE, join(dir, 'a-good.json'));
    writeFileSync(join(dir, 'b-value.json'), answers({ responseType: 'mary.k@example.org' }));
    writeFileSync(join(dir, 'c-key.json'), answers({ 'jane.roe@example.org': 'x' }));
    symlinkSync('/etc/passwd', join(dir, 'd-passwd.json'));
    const r = cli(['batch', dir, '--out', out, '--date', '2026-01-01']);
    expect(r.code).toBe(0);
    const files = allText(out);
    expect(files).not.toContain('mary.k');
    expect(files).not.toContain('jane.roe');
    expect(files).not.toContain('root:');
    expect(files).not.toContain(tmp);
    expect(files).toMatch(/b-value\.json: invalid answers/);
    expect(files).toMatch(/d-passwd\.json: the file could not be read as JSON/);
    // Nor is a file's content echoed on screen.
    expect(r.stderr).not.toContain('root:');
  });

  it('CSV skip reasons hold no cell value and the path as given relative to the current folder', () => {
    const dir = fresh();
    const out = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'r.csv'), 'name,responseType\nGoma,idp_cluster\nNorth,mary.k@example.org\n');
    const r = cli(['batch', join(dir, 'r.csv'), '--out', out, '--date', '2026-01-01'], { cwd: dir });
    expect(r.code).toBe(0);
    const summary = readFileSync(join(out, '2026-01-01-portfolio.md'), 'utf8');
    expect(summary).not.toContain('mary.k');
    expect(summary).not.toContain(tmp);
    expect(summary).toContain('r.csv row 3: invalid answers');
  });

  it('a batch folder or CSV file named after a person does not reach the skip reasons', () => {
    const base = fresh();
    const dir = join(base, 'jane.doe@example.org');
    const out = fresh();
    mkdirSync(dir, { recursive: true });
    cpSync(EXAMPLE, join(dir, 'a.json'));
    writeFileSync(join(dir, 'b.json'), '{');
    writeFileSync(join(base, 'mary.k@example.org.csv'), 'tipScale\nisolated\nhuge\n');
    expect(cli(['batch', dir, '--out', out, '--date', '2026-01-01'], { cwd: base }).code).toBe(0);
    expect(cli(['batch', join(base, 'mary.k@example.org.csv'), '--out', out, '--date', '2026-01-01']).code).toBe(0);
    const files = allText(out);
    expect(files).not.toContain('jane.doe');
    expect(files).not.toContain('mary.k');
    expect(files).toContain('b.json: the file could not be read as JSON');
    expect(files).toContain('the CSV file row 3: invalid answers');
  });

  it('batch checks the rule-set name as assess does', () => {
    const rules = fresh();
    const out = fresh();
    expect(cli(['rules', 'init', rules, '--name', 'Goma']).code).toBe(0);
    const rs = JSON.parse(readFileSync(join(rules, 'ruleset.json'), 'utf8')) as { name: string };
    rs.name = 'Goma jane.doe@example.org +243 81 234 5678';
    writeFileSync(join(rules, 'ruleset.json'), JSON.stringify(rs));
    const dir = fresh();
    mkdirSync(dir);
    cpSync(EXAMPLE, join(dir, 'a.json'));
    const r = cli(['batch', dir, '--out', out, '--rules', rules, '--date', '2026-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ruleset\.json: "name" holds what looks like an e-mail address/);
    expect(readdirSync(tmp)).not.toContain(out.split('/').pop());
  });

  it('batch and assess check the --rules folder name printed in the stamp', () => {
    const rules = join(fresh(), 'jane.doe@example.org');
    const out = fresh();
    // rules init refuses such a folder too, unless told it is no personal data.
    expect(cli(['rules', 'init', rules, '--name', 'Goma rules']).code).toBe(2);
    expect(cli(['rules', 'init', rules, '--name', 'Goma rules', '--allow-personal-data']).code).toBe(0);
    const dir = fresh();
    mkdirSync(dir);
    cpSync(EXAMPLE, join(dir, 'a.json'));
    const b = cli(['batch', dir, '--out', out, '--rules', rules, '--date', '2026-01-01']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--rules folder's name holds what looks like an e-mail address/);
    const a = cli(['assess', '--answers', EXAMPLE, '--out', out, '--rules', rules, '--date', '2026-01-01']);
    expect(a.code).toBe(2);
    expect(readdirSync(tmp)).not.toContain(out.split('/').pop());
  });

  it('a name disguised with an HTML entity is refused, in batch as in assess', () => {
    const dir = fresh();
    const out = fresh();
    mkdirSync(dir);
    const file = join(dir, 'a.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, response: { name: 'Goma john.doe&#64;example.org' }, answers: {} }),
    );
    const a = cli(['assess', '--answers', file, '--out', out, '--format', 'html', '--date', '2026-01-01']);
    expect(a.code).toBe(2);
    cpSync(EXAMPLE, join(dir, 'b.json'));
    const b = cli(['batch', dir, '--out', out, '--format', 'html', '--date', '2026-01-01']);
    expect(b.code).toBe(0);
    expect(allText(out)).not.toContain('john.doe');
  });
});
