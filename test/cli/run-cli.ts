/**
 * Runs the real CLI (`node bin/tip-coord.js`, needs dist/) as a script would: stdin /dev/null,
 * no terminal, output captured. Shared by the CLI tests of issue 7.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'tip-coord.js');
export const EXAMPLE = join(ROOT, 'examples', 'refugee-wg-documented.json');
/** A Node stack frame: never shown for a user's mistake. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run through this wrapper, e.g. ['unshare', '-n'] or ['sh', '-c', 'ulimit -f 8; exec "$0" "$@"']. */
  wrapper?: string[];
  /** Options for node itself, before the script: ['-r', 'hook.cjs']. */
  nodeArgs?: string[];
  /** Kill the child (SIGKILL) after this many ms. */
  killAfterMs?: number;
}

/** The environment of a run: SOURCE_DATE_EPOCH and colour variables of the caller removed. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['SOURCE_DATE_EPOCH', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  return { ...env, ...extra };
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<Ran> {
  const [file, ...pre] = [...(opts.wrapper ?? []), process.execPath, ...(opts.nodeArgs ?? []), BIN, ...args];
  return new Promise((done, fail) => {
    const child = spawn(file!, pre, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer =
      opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (killer) clearTimeout(killer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/** The names in a folder, [] if it does not exist. */
export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** A refusal as the quality bar wants it: exit 2, one line "tip-coord: ...", no stack, nothing on stdout. */
export function refusal(r: Ran): { ok: boolean; why: string } {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  const problems = [
    r.code !== 2 && `exit ${r.code ?? r.signal}, not 2`,
    lines.length !== 1 && `${lines.length} lines on stderr, not 1`,
    !r.stderr.startsWith('tip-coord: ') && 'stderr does not start with "tip-coord: "',
    STACK_LINE.test(r.stderr) && 'a stack trace on stderr',
    r.stdout !== '' && 'output on stdout',
  ].filter(Boolean);
  return {
    ok: problems.length === 0,
    why: `${problems.join('; ')}\nstderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 500)}`,
  };
}
