/**
 * Reproducible reports (issue 7): the same answers, rules and date give byte-identical markdown
 * and JSON, through the real CLI, whatever the time zone, locale or folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, EXAMPLE, listDir, ROOT, runCli } from './run-cli.js';

const TIMEOUT = 60_000;
/** 2026-11-29T00:00:00Z */
const EPOCH = '1795910400';

describe('byte-identical reruns', () => {
  let tmp: string;
  let rulesCopy: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-repro-'));
    rulesCopy = join(tmp, 'rules-copy');
    cpSync(join(ROOT, 'rules'), rulesCopy, { recursive: true });
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
    'markdown: --date twice, SOURCE_DATE_EPOCH, another time zone and locale, a copy of the rules: the same bytes',
    async () => {
      const [name, first] = await report('a', ['--date', '2026-11-29']);
      expect(name).toBe('2026-11-29-example-refugee-response-documented-cases.md');
      const runs = [
        await report('b', ['--date', '2026-11-29']),
        await report('c', [], cleanEnv({ SOURCE_DATE_EPOCH: EPOCH })),
        await report('d', ['--date', '2026-11-29'], cleanEnv({ TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' })),
        await report('e', ['--date', '2026-11-29', '--rules', rulesCopy]),
      ];
      for (const [n, bytes] of runs) {
        expect(n).toBe(name);
        expect(bytes.equals(first)).toBe(true);
      }
      // The check can fail: another date is another report.
      const [, other] = await report('f', ['--date', '2026-11-30']);
      expect(other.equals(first)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'JSON: --date twice, SOURCE_DATE_EPOCH, another time zone, a copy of the rules: the same bytes',
    async () => {
      const first = await json(['--date', '2026-11-29']);
      expect(await json(['--date', '2026-11-29'])).toBe(first);
      expect(await json([], cleanEnv({ SOURCE_DATE_EPOCH: EPOCH }))).toBe(first);
      expect(await json(['--date', '2026-11-29'], cleanEnv({ TZ: 'America/Adak' }))).toBe(first);
      expect(await json(['--date', '2026-11-29', '--rules', rulesCopy])).toBe(first);
      expect(await json(['--date', '2026-11-30'])).not.toBe(first);
    },
    TIMEOUT,
  );
});
