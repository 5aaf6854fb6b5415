/**
 * Reproducible reports (issue 7): the same answers, rules and date give byte-identical markdown
 * and JSON, through the real CLI, whatever the time zone, the English locale or the folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, EXAMPLE, listDir, ROOT, runCli } from '../support/cli.js';

const TIMEOUT = 60_000;
/** 2026-11-29T00:00:00Z */
const EPOCH = '1795910400';

describe('byte-identical reruns', () => {
  let tmp: string;
  /** Two copies of the rule base in different places, under the same folder name (reports name it). */
  let copyA: string;
  let copyB: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-repro-'));
    copyA = join(tmp, 'copy-a', 'rules-country-x');
    copyB = join(tmp, 'copy-b', 'rules-country-x');
    for (const copy of [copyA, copyB]) cpSync(join(ROOT, 'rules'), copy, { recursive: true });
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  /** One markdown run into a fresh folder: [file name, bytes]. */
  async function report(label: string, args: string[], env = cleanEnv()): Promise<[string, Buffer]> {
    const out = join(tmp, label);
    const r = await runCli(['assess', '--answers', EXAMPLE, '--out', out, ...args], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(listDir(out)).toHaveLength(1);
    const path = r.stdout.trim();
    return [basename(path), readFileSync(path)];
  }

  async function json(args: string[], env = cleanEnv()): Promise<string> {
    const r = await runCli(['assess', '--answers', EXAMPLE, '--format', 'json', ...args], { env });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  }

  it(
    'markdown: --date twice, SOURCE_DATE_EPOCH, another time zone and locale: the same bytes; so for two copies of the rules',
    async () => {
      const [name, first] = await report('a', ['--date', '2026-11-29']);
      expect(name).toBe('2026-11-29-example-refugee-response-documented-cases.md');
      const runs = [
        await report('b', ['--date', '2026-11-29']),
        await report('c', [], cleanEnv({ SOURCE_DATE_EPOCH: EPOCH })),
        await report(
          'd',
          ['--date', '2026-11-29'],
          cleanEnv({ TZ: 'Pacific/Kiritimati', LANG: 'en_US.UTF-8', LC_ALL: 'C' }),
        ),
      ];
      for (const [n, bytes] of runs) {
        expect(n).toBe(name);
        expect(bytes.equals(first)).toBe(true);
      }
      const [nameA, bytesA] = await report('e', ['--date', '2026-11-29', '--rules', copyA]);
      const [nameB, bytesB] = await report('f', ['--date', '2026-11-29', '--rules', copyB]);
      expect(nameB).toBe(nameA);
      expect(bytesB.equals(bytesA)).toBe(true);
      // The check can fail: another date is another report.
      const [, other] = await report('g', ['--date', '2026-11-30']);
      expect(other.equals(first)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'JSON: --date twice, SOURCE_DATE_EPOCH, another time zone: the same bytes; so for two copies of the rules',
    async () => {
      const first = await json(['--date', '2026-11-29']);
      expect(await json(['--date', '2026-11-29'])).toBe(first);
      expect(await json([], cleanEnv({ SOURCE_DATE_EPOCH: EPOCH }))).toBe(first);
      expect(await json(['--date', '2026-11-29'], cleanEnv({ TZ: 'America/Adak' }))).toBe(first);
      expect(await json(['--date', '2026-11-29', '--rules', copyB])).toBe(
        await json(['--date', '2026-11-29', '--rules', copyA]),
      );
      expect(await json(['--date', '2026-11-30'])).not.toBe(first);
    },
    TIMEOUT,
  );
});
