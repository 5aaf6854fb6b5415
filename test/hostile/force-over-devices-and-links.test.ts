/**
 * Issue 15, "--force replaces device files and symlinks": a target that is not a regular file
 * is refused, --force or not, never renamed over, and --force is never suggested for it;
 * "-" writes to stdout in place. (Not /dev/null itself: as root, a regression would replace it.)
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-force-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EXAMPLE = join(ROOT, 'examples', 'refugee-wg-documented.json');

describe('--force over what is not a regular file', () => {
  it('rules doc --out a symbolic link --force: refused, the link and its target kept, no --force hint', () => {
    const target = join(tmp, 'kept.md');
    writeFileSync(target, 'keep me');
    const link = join(tmp, 'doc-link.md');
    symlinkSync(target, link);
    for (const force of [[], ['--force']]) {
      const r = cli(['rules', 'doc', '--out', link, ...force]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not a regular file/);
      expect(r.stderr).not.toContain('use --force');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('--save-answers to a named pipe --force: refused, the pipe kept', () => {
    const fifo = join(tmp, 'answers.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = cli(['assess', '--answers', EXAMPLE, '--format', 'json', '--save-answers', fifo, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('--save-answers to a link to a device --force: refused, the link kept', () => {
    const link = join(tmp, 'stdout-link');
    symlinkSync('/dev/null', link);
    const r = cli(['assess', '--answers', EXAMPLE, '--out', tmp, '--save-answers', link, '--force']);
    expect(r.code).toBe(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('"-" means stdout, written in place', () => {
    const doc = cli(['rules', 'doc', '--out', '-']);
    expect(doc.code).toBe(0);
    expect(doc.stdout).toMatch(/^# /);
    const saved = cli(['assess', '--answers', EXAMPLE, '--out', tmp, '--save-answers', '-', '--date', '2026-01-01']);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('"version": 2');
  });

  it('an empty --save-answers is refused, not silently ignored', () => {
    const r = cli(['assess', '--answers', EXAMPLE, '--format', 'json', '--save-answers', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--save-answers needs a file name/);
    expect(r.stdout).toBe('');
  });
});
