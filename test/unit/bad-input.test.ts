/**
 * Bad input survived, in process and many times over (issue 7): whatever an answers file or a
 * rule file holds, the outcome is a result or a UserError (one line, naming the file), never
 * another exception. The CLI side (exit 2, no stack, no file) is in test/cli/bad-input.test.ts.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, validateAnswersFile } from '../../src/core/answers.js';
import { UserError } from '../../src/core/errors.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { MAX_JSON_DEPTH, parseJson } from '../../src/core/json.js';
import { buildReport } from '../../src/render/report.js';
import { assess } from '../../src/core/assessment.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import {
  anyBytes,
  anyJson,
  mutatedRuleFile,
  mutatedText,
  nearAnswersFile,
  RULES_DIR,
} from '../support/bad-input-arbitraries.js';
import { runOn } from '../support/run-info.js';
import { toolTexts } from '../../src/core/texts.js';

const EN = toolTexts('en');

const rules = loadRuleBase(DEFAULT_RULES_DIR);
const WHERE = 'Answers file x.json';

/** Runs `f`; a UserError is an accepted outcome and must be one line naming `where`. */
function survives<T>(f: () => T, where: string): T | UserError {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.message).not.toContain('\n');
    expect(err.message).toContain(where);
    return err;
  }
}

describe('answers files', () => {
  it('validateAnswersFile: any JSON value is accepted or refused with a UserError', () => {
    fc.assert(
      fc.property(anyJson, (v) => {
        survives(() => validateAnswersFile(v, rules, WHERE), WHERE);
      }),
      { numRuns: 5000 },
    );
  });

  it('validateAnswersFile: near-valid files too, and what it accepts is only valid answers', () => {
    fc.assert(
      fc.property(nearAnswersFile, (v) => {
        const out = survives(() => validateAnswersFile(v, rules, WHERE), WHERE);
        if (out instanceof UserError) return;
        for (const [id, answer] of Object.entries(out.answers)) {
          const q = rules.questionById.get(id)!;
          const allowed = [...q.choices.map((c) => c.value), 'unknown'];
          for (const a of Array.isArray(answer) ? answer : [answer]) expect(allowed).toContain(a);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('parseJson: any bytes read as text are parsed or refused with a UserError', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        survives(() => parseJson(Buffer.from(bytes).toString('utf8'), WHERE, EN), WHERE);
      }),
      { numRuns: 5000 },
    );
  });

  it('parseJson refuses deep nesting at any depth past the limit, without overflowing the stack', () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 1000, 400_000]) {
      for (const [open, close] of [
        ['[', ']'],
        ['{"a":', '}'],
      ] as const) {
        const text = open.repeat(depth) + '1' + close.repeat(depth);
        expect(() => parseJson(text, WHERE, EN)).toThrow(/nested too deeply/);
      }
    }
    expect(() => parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), WHERE, EN)).not.toThrow();
  });
});

describe('rule files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tip-coord-fuzz-rules-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the rule base with one file replaced. */
  function baseWith(file: string, content: string | Uint8Array): string {
    const copy = join(dir, 'rules');
    rmSync(copy, { recursive: true, force: true });
    // The scenario tests beside the rules are no part of the rule base: not copied, as loading ignores them.
    const scenarios = join(RULES_DIR, 'scenarios');
    cpSync(RULES_DIR, copy, { recursive: true, filter: (src) => !src.startsWith(scenarios) });
    writeFileSync(join(copy, file), content);
    return copy;
  }

  /**
   * A rule base that loads must also evaluate and report on the example answers without an
   * exception other than UserError: validation is the only gate before the engine.
   */
  async function loadAndUse(copy: string): Promise<void> {
    let base;
    try {
      base = loadRuleBase(copy);
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).not.toContain('\n');
      return;
    }
    const answers = survives(
      () =>
        validateAnswersFile(
          {
            version: 1,
            answers: { phase: 'acute', tipEvidence: 'documented', governmentStance: 'resists_terminology' },
          },
          base,
          WHERE,
        ),
      WHERE,
    );
    if (answers instanceof UserError) return;
    const result = await assess(new Evaluator(base), {
      answers: completeAnswers(base, answers.answers),
      run: runOn('2026-11-29'),
    });
    expect(buildReport(base, result).length).toBeGreaterThan(0);
  }

  it('one value anywhere in one rule file replaced by any JSON, or removed: a UserError or a working rule base', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRuleFile, async (m) => {
        await loadAndUse(baseWith(m.file, mutatedText(m)));
      }),
      { numRuns: 300 },
    );
    // Each run copies, loads and uses a rule base: seconds on a quiet machine, more under load.
  }, 180_000);

  it('a rule file replaced by any JSON value or any bytes: a UserError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ...[
            'ruleset.json',
            'questions.json',
            'sources.json',
            'messages.en.json',
            'mechanisms/working_group.json',
            'cautions/terminology.json',
            'actions/mapping.json',
          ],
        ),
        fc.oneof(
          anyJson.map((v) => JSON.stringify(v) ?? ''),
          anyBytes,
        ),
        async (file, content) => {
          const copy = baseWith(file, content);
          expect(() => loadRuleBase(copy)).toThrow(UserError);
        },
      ),
      { numRuns: 200 },
    );
  }, 180_000);
});
