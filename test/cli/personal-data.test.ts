/** The personal-data check through the real CLI (issue 7): stop before anything is written. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE, listDir, refusal, runCli } from '../support/cli.js';
import { masked } from '../../src/core/personal-data.js';

const DATE = '2026-11-29';
const TIMEOUT = 30_000;

describe('personal data in free-text fields', () => {
  let tmp: string;
  let out: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-pd-'));
    out = join(tmp, 'reports');
  });
  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([
    ['an e-mail address', 'Goma (contact jean.dupont@example.org)', 'jean.dupont@example.org'],
    ['a phone number', 'Goma, call +243 81 234 5678', '+243 81 234 5678'],
  ])(
    '--name with %s: exit 2 naming --name and what was found; no report, no saved answers, no JSON',
    async (kind, name, found) => {
      const saved = join(tmp, 'saved.json');
      for (const format of ['md', 'json']) {
        const r = await runCli([
          'assess',
          '--answers',
          EXAMPLE,
          '--name',
          name,
          '--format',
          format,
          '--out',
          out,
          '--save-answers',
          saved,
          '--date',
          DATE,
        ]);
        const { ok, why } = refusal(r);
        expect(ok, why).toBe(true);
        expect(r.stderr).toContain('--name');
        expect(r.stderr).toContain(kind);
        expect(r.stderr).toContain(masked(found));
        expect(r.stderr).not.toContain(found);
        expect(r.stderr).toContain('--allow-personal-data');
      }
      expect(listDir(tmp)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'response.name in the answers file with a phone number: exit 2 naming the file and the key',
    async () => {
      const file = join(tmp, 'answers.json');
      const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
      answers.response.name = 'North Kivu (focal point 0812345678)';
      writeFileSync(file, JSON.stringify(answers));
      const r = await runCli(['assess', '--answers', file, '--out', out, '--date', DATE]);
      const { ok, why } = refusal(r);
      expect(ok, why).toBe(true);
      expect(r.stderr).toContain(`Answers file ${file}: "response.name"`);
      expect(r.stderr).toContain(masked('0812345678'));
      expect(r.stderr).not.toContain('0812345678');
      expect(listDir(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'dates and years in a name are not personal data',
    async () => {
      const r = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--name',
        'Goma 2026-11-29, plan 2026-2027',
        '--out',
        out,
        '--date',
        DATE,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(r.stdout.trim(), 'utf8')).toContain('Goma 2026-11-29, plan 2026-2027');
    },
    TIMEOUT,
  );

  it(
    '--allow-personal-data lets the user decide: the run goes on and the name is in the report',
    async () => {
      const name = 'Switchboard +243 81 234 5678';
      const r = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--name',
        name,
        '--allow-personal-data',
        '--out',
        out,
        '--date',
        DATE,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(r.stdout.trim(), 'utf8')).toContain(name);
    },
    TIMEOUT,
  );

  it(
    'batch: a response whose name holds an e-mail address is skipped, and the summary does not repeat the address',
    async () => {
      const folder = join(tmp, 'responses');
      mkdirSync(folder);
      const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
      writeFileSync(join(folder, 'clean.json'), JSON.stringify(example));
      writeFileSync(
        join(folder, 'leaky.json'),
        JSON.stringify({ ...example, response: { name: 'Goma (ask amina.k@example.org)' } }),
      );

      const r = await runCli(['batch', folder, '--out', out, '--date', DATE]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('leaky.json: the name holds what looks like an e-mail address');
      const written = readdirSync(out);
      expect(written.filter((f) => !f.includes('portfolio'))).toEqual([
        '2026-11-29-example-refugee-response-documented-cases.md',
      ]);
      for (const f of written) expect(readFileSync(join(out, f), 'utf8')).not.toContain('amina.k@example.org');

      const allowed = await runCli([
        'batch',
        folder,
        '--out',
        join(tmp, 'allowed'),
        '--date',
        DATE,
        '--allow-personal-data',
      ]);
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(readdirSync(join(tmp, 'allowed')).filter((f) => !f.includes('portfolio'))).toHaveLength(2);
    },
    TIMEOUT,
  );
});
