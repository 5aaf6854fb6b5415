/**
 * Bad input survived, through the real CLI (issue 7): arbitrary JSON and bytes as answers files
 * and as rule files always end in exit 2 with one line "tip-coord: ...", no stack trace and no
 * report; huge, deeply nested and odd files (a FIFO, a broken link) too. A modest number of runs
 * (each is a process); test/unit/bad-input.test.ts runs thousands in process.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anyBytes,
  anyJson,
  mutatedRuleFile,
  mutatedText,
  nearAnswersFile,
  RULES_DIR,
} from '../support/bad-input-arbitraries.js';
import { EXAMPLE, listDir, refusal, runCli, STACK_LINE } from '../support/cli.js';

const DATE = '2026-11-29';
const RUNS = 12;
const TIMEOUT = 120_000;
const ONE_MIB = 1024 * 1024;

let tmp: string;
let out: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tip-coord-bad-'));
  out = join(tmp, 'reports');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

/** Runs assess in markdown mode (the mode that writes) and checks the refusal and that nothing was written. */
async function refused(args: string[], mention?: string): Promise<string> {
  const r = await runCli(['assess', ...args, '--out', out, '--date', DATE]);
  const { ok, why } = refusal(r);
  expect(ok, why).toBe(true);
  if (mention) expect(r.stderr).toContain(mention);
  expect(listDir(out)).toEqual([]);
  return r.stderr;
}

describe('answers files', () => {
  const file = () => join(tmp, 'answers.json');

  it(
    'any JSON value',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyJson, async (v) => {
          writeFileSync(file(), JSON.stringify(v));
          await refused(['--answers', file()], file());
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'near-valid files (version 1, known ids, values of any type)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          // Leave out the rare draw that is a valid answers file: that one is not bad input.
          nearAnswersFile.filter((v) => JSON.stringify(v.answers) !== '{}' || v.version !== 1),
          async (v) => {
            writeFileSync(file(), JSON.stringify(v));
            await refused(['--answers', file()], file());
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'any bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, async (bytes) => {
          writeFileSync(file(), bytes);
          await refused(['--answers', file()], file());
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'over 1 MiB: refused as too large before it is read',
    async () => {
      writeFileSync(file(), JSON.stringify({ version: 1, answers: {}, $comment: 'x'.repeat(ONE_MIB) }));
      expect(await refused(['--answers', file()], file())).toMatch(/too large \(\d+ bytes; at most 1048576\)/);
    },
    TIMEOUT,
  );

  it(
    'nested 500,000 levels deep (under 1 MiB): refused as nested too deeply',
    async () => {
      writeFileSync(file(), `{"version":1,"answers":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
      expect(await refused(['--answers', file()], file())).toContain('nested too deeply');
    },
    TIMEOUT,
  );

  it(
    'a FIFO, a folder, a broken link: refused as not a file or unreadable, without waiting',
    async () => {
      const fifo = join(tmp, 'fifo.json');
      execFileSync('mkfifo', [fifo]);
      await refused(['--answers', fifo], `${fifo}: a folder or a device, not a file`);
      await refused(['--answers', tmp], `${tmp}: a folder or a device, not a file`);
      const broken = join(tmp, 'broken.json');
      symlinkSync(join(tmp, 'nowhere'), broken);
      await refused(['--answers', broken], `${broken}: not found`);
    },
    TIMEOUT,
  );
});

describe('rule files (assess --rules a copy of the rule base with one file changed)', () => {
  let rules: string;
  beforeAll(() => {
    rules = join(tmp, 'rules');
  });
  function baseWith(file: string, content: string | Uint8Array): void {
    rmSync(rules, { recursive: true, force: true });
    cpSync(RULES_DIR, rules, { recursive: true });
    writeFileSync(join(rules, file), content);
  }
  const someRuleFiles = fc.constantFrom(
    'ruleset.json',
    'questions.json',
    'sources.json',
    'messages.en.json',
    'mechanisms/working_group.json',
    'cautions/terminology.json',
    'actions/mapping.json',
  );

  it(
    'replaced by any JSON value or any bytes: refused, naming the file',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          someRuleFiles,
          fc.oneof(
            anyJson.map((v) => JSON.stringify(v) ?? ''),
            anyBytes,
          ),
          async (file, content) => {
            baseWith(file, content);
            await refused(['--rules', rules, '--answers', EXAMPLE], file);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'one value anywhere replaced or removed: refused the same way, or still a working rule base (exit 0)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedRuleFile, async (m) => {
          baseWith(m.file, mutatedText(m));
          const r = await runCli(['assess', '--rules', rules, '--answers', EXAMPLE, '--out', out, '--date', DATE]);
          if (r.code === 0) {
            expect(listDir(out)).toHaveLength(2); // the report and its answers
          } else {
            const { ok, why } = refusal(r);
            expect(ok, why).toBe(true);
            expect(listDir(out)).toEqual([]);
          }
          expect(r.stderr).not.toMatch(STACK_LINE);
          rmSync(out, { recursive: true, force: true });
        }),
        { numRuns: RUNS * 2 },
      );
    },
    TIMEOUT,
  );

  it(
    'a rule file over 1 MiB, or nested 500,000 levels deep: refused with the reason',
    async () => {
      baseWith('cautions/huge.json', JSON.stringify({ id: 'huge', text: 'x'.repeat(ONE_MIB) }));
      expect(await refused(['--rules', rules, '--answers', EXAMPLE], 'huge.json')).toContain('too large');
      baseWith('cautions/deep.json', `{"id":"deep","rules":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
      expect(await refused(['--rules', rules, '--answers', EXAMPLE], 'deep.json')).toContain('nested too deeply');
    },
    TIMEOUT,
  );

  it(
    'a broken link, a FIFO named .json, a folder that is not a rule base: refused, naming what',
    async () => {
      baseWith('ruleset.json', readFileSync(join(RULES_DIR, 'ruleset.json')));
      symlinkSync(join(tmp, 'nowhere'), join(rules, 'actions', 'broken.json'));
      await refused(['--rules', rules, '--answers', EXAMPLE], 'broken.json: not found');

      baseWith('ruleset.json', readFileSync(join(RULES_DIR, 'ruleset.json')));
      execFileSync('mkfifo', [join(rules, 'cautions', 'fifo.json')]);
      await refused(['--rules', rules, '--answers', EXAMPLE], 'fifo.json: not a regular file');

      const empty = join(tmp, 'empty-rules');
      mkdirSync(empty, { recursive: true });
      await refused(['--rules', empty, '--answers', EXAMPLE], 'ruleset.json');
    },
    TIMEOUT,
  );
});

describe('output', () => {
  it.each([[['--help']], [['assess', '--answers', EXAMPLE, '--format', 'json', '--date', DATE]]])(
    '%j into a pipe whose reader has gone (| true): exit 0, nothing on stderr',
    async (args) => {
      // pipefail: the pipeline's status is the CLI's; `true` exits without reading, so writes get EPIPE.
      const r = await runCli(args, { wrapper: ['bash', '-c', 'set -o pipefail; "$0" "$@" | true'] });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
    TIMEOUT,
  );
});
