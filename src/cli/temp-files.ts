import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * tip-coord's temporary files (issue 15): `.<final name>.<pid>-<12 hex digits>.tmp`, mode
 * 0600, holding a report being written. A signal mid-run removes them; a run killed outright
 * (SIGKILL, a power cut) leaves them, and the next run in that folder sweeps those whose
 * process is gone. Files of another pattern, or of a process still running, are never touched.
 */
const live = new Set<string>();

/** The part of a temporary file's name after the final name: `.<pid>-<hex>.tmp`. */
export function tempTag(hex: string): string {
  return `.${process.pid}-${hex}.tmp`;
}

const OURS = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

export function registerTemp(path: string): void {
  live.add(path);
}

export function unregisterTemp(path: string): void {
  live.delete(path);
}

function removeLive(): void {
  for (const p of live) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  live.clear();
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Until the returned function is called, SIGINT, SIGTERM and SIGHUP remove the temporary files
 * of this run and end it with 128 + the signal's number, after printing `said` on stderr.
 * Files are written synchronously, so a signal is handled between two files, never inside one.
 */
export function cleanUpOnSignals(said: () => string): () => void {
  const handlers = Object.entries(SIGNALS).map(([name, n]) => {
    const handler = (): void => {
      removeLive();
      process.stderr.write(`\n${said()}\n`);
      process.exit(128 + n);
    };
    process.on(name as NodeJS.Signals, handler);
    return [name as NodeJS.Signals, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
}

function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the temporary files that runs now gone left in `dir`; returns how many. Never fails. */
export function sweepStaleTemps(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m || !processGone(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch {
      /* not ours to remove after all, or gone */
    }
  }
  return removed;
}
