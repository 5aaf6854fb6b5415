/**
 * The one helper that runs the real CLI in tests (`node bin/tip-coord.js`, needs dist/), as a
 * script or a CI job would: no terminal, output captured. Two forms of the same run:
 * `runCli` (async: stdin closed or left open, a wrapper, node options, a kill timer) and
 * `cli` (sync, for the many tests that only look at the output). Interactive runs in a
 * pseudo-terminal go through test/e2e/tmux.ts with ROOT and BIN from here.
 */
import { spawn, spawnSync } from 'node:child_process';
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
  /** The run was killed by the `timeoutMs` guard. */
  timedOut: boolean;
}

export interface RunOptions {
  /** The whole environment of the run (default: cleanEnv()). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run through this wrapper, e.g. ['unshare', '-n'] or ['sh', '-c', 'ulimit -f 8; exec "$0" "$@"']. */
  wrapper?: string[];
  /** Options for node itself, before the script: ['-r', 'hook.cjs']. */
  nodeArgs?: string[];
  /** Kill the child (SIGKILL) after this many ms; not counted as a time-out. */
  killAfterMs?: number;
  /** stdin a pipe never written to nor closed (a prompt would wait on it for ever), not /dev/null. */
  openStdin?: boolean;
  /** Kill the child (SIGKILL) and set `timedOut` after this many ms (default 20 s). */
  timeoutMs?: number;
}

/** The environment of a run: SOURCE_DATE_EPOCH and colour variables of the caller removed. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['SOURCE_DATE_EPOCH', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  return { ...env, ...extra };
}

/** Runs the CLI and resolves when it ends. */
export function runCli(args: string[], opts: RunOptions = {}): Promise<Ran> {
  const [file, ...pre] = [...(opts.wrapper ?? []), process.execPath, ...(opts.nodeArgs ?? []), BIN, ...args];
  return new Promise((done, fail) => {
    const child = spawn(file!, pre, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? cleanEnv(),
      stdio: [opts.openStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer =
      opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    const guard = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 20_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (killer) clearTimeout(killer);
      done({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * The same run, synchronous, stdin empty. The environment is cleanEnv() with NO_COLOR=1,
 * then `opts.env` on top (a key set to undefined is removed: `{ NO_COLOR: undefined }`).
 */
export function cli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cleanEnv({ NO_COLOR: '1', ...opts.env }),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The names in a folder, [] if it does not exist. */
export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** A refusal as the quality bar wants it: exit 2, one line "tip-coord: ...", no stack, nothing on stdout. */
export function refusal(r: Pick<Ran, 'code' | 'signal' | 'stdout' | 'stderr'>): { ok: boolean; why: string } {
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
