/**
 * The built tool reads its built-in rules from the copy the build checked (dist/rulebase.*.json)
 * only while the rule files are those it was made from: a copy of the package whose rule file
 * is edited after the build runs on the edited file, and refuses a broken one as before.
 * Needs dist/ (npm test builds it before vitest).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, EXAMPLE, ROOT } from '../support/cli.js';

const TIMEOUT = 60_000;

describe('the precompiled built-in rules, in a built package', () => {
  let tmp: string;
  let bin: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-precompiled-cli-'));
    // The package as installed: the launcher, the bundle (every library inlined) and the rules.
    for (const part of ['bin', 'dist', 'rules', 'package.json'])
      cpSync(join(ROOT, part), join(tmp, part), { recursive: true });
    bin = join(tmp, 'bin', 'tip-coord.js');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const assess = (...extra: string[]) =>
    spawnSync(
      process.execPath,
      [bin, 'assess', '--answers', EXAMPLE, '--format', 'json', '--date', '2026-01-01', ...extra],
      {
        cwd: tmp,
        encoding: 'utf8',
        env: cleanEnv(),
      },
    );
  const primaryTitle = (stdout: string): string =>
    (JSON.parse(stdout) as { recommendations: { role: string; title: string }[] }).recommendations.find(
      (r) => r.role === 'primary',
    )!.title;

  it('the build wrote one checked copy per language', () => {
    expect(existsSync(join(ROOT, 'dist', 'rulebase.en.json'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'rulebase.fr.json'))).toBe(true);
  });

  it(
    'a rule file edited after the build is read, not the copy; a broken one is refused',
    () => {
      const before = assess();
      expect(before.status, before.stderr).toBe(0);
      const file = join(tmp, 'rules', 'mechanisms', 'working_group.json');
      const text = readFileSync(file, 'utf8');
      const title = primaryTitle(before.stdout);
      // The same length: only the content tells the files apart.
      const edited = title.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z'));
      // The title of the group in place (the example has one) or of the mechanism.
      writeFileSync(
        file,
        text
          .replace(`"existingTitle": "${title}"`, `"existingTitle": "${edited}"`)
          .replace(`"title": "${title}"`, `"title": "${edited}"`),
      );
      const after = assess();
      expect(after.status, after.stderr).toBe(0);
      expect(primaryTitle(after.stdout)).toBe(edited);
      // The stamp's rule set hash follows the files too.
      expect(JSON.parse(after.stdout).stamp.ruleSet.hash).not.toBe(JSON.parse(before.stdout).stamp.ruleSet.hash);

      writeFileSync(
        file,
        text
          .replace(`"existingTitle": "${title}"`, '"existingTitle": 42')
          .replace(`"title": "${title}"`, '"title": 42'),
      );
      const broken = assess();
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain('mechanisms/working_group.json');

      writeFileSync(file, text);
      const restored = assess();
      expect(restored.stdout).toBe(before.stdout);
    },
    TIMEOUT,
  );
});
