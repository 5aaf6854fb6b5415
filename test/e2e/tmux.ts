/**
 * A small driver for a real terminal: runs a command in a detached tmux session on a private
 * socket (-L), types into it and reads the screen back. See the stack notes, "Driving the
 * interview through a real terminal". Always call kill() (afterEach / finally).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { skipWithout } from '../support/system-tools.js';

/** True when `tmux -V` runs. */
export function tmuxAvailable(): boolean {
  try {
    return spawnSync('tmux', ['-V'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  } catch {
    return false;
  }
}

let skip: boolean | undefined;
/** Whether the e2e suites skip: without tmux, saying why (once), unless CI requires it. */
export const noTmux = (): boolean => (skip ??= skipWithout('tmux', tmuxAvailable(), 'Debian package tmux'));

/** Quotes words for the POSIX shell tmux runs the command with. */
export function shellQuote(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export interface TmuxStartOptions {
  cwd: string;
  /** The whole environment of the command (the tmux server is started with it). */
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
}

export interface CaptureOptions {
  /** Keep escape sequences (capture-pane -e). */
  escapes?: boolean;
  /** The whole scroll-back, not only the visible screen (capture-pane -S -). */
  history?: boolean;
}

let counter = 0;

export class Tmux {
  private killed = false;

  private constructor(
    readonly socket: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * Starts `<cmd>; echo EXIT=$?; sleep 30` in a new detached session "S" on a private socket, so the
   * exit code stays on screen after the command ends.
   */
  static start(cmd: string, opts: TmuxStartOptions): Tmux {
    const socket = `tip-coord-test-${process.pid}-${++counter}-${randomBytes(4).toString('hex')}`;
    const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), SHELL: '/bin/sh' };
    // Never talk to (or nest inside) the tmux a developer may be running the tests from.
    delete env.TMUX;
    delete env.TMUX_PANE;
    const t = new Tmux(socket, env);
    t.tmux(
      [
        // A known configuration (no ~/.tmux.conf) and enough scroll-back for a whole report.
        '-f',
        '/dev/null',
        'set-option',
        '-g',
        'history-limit',
        '10000',
        ';',
        'new-session',
        '-d',
        '-s',
        'S',
        '-x',
        String(opts.cols ?? 100),
        '-y',
        String(opts.rows ?? 30),
        '-c',
        opts.cwd,
        `${cmd}; echo EXIT=$?; sleep 30`,
      ],
      opts.cwd,
    );
    return t;
  }

  private tmux(args: string[], cwd?: string): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, ...args], {
      cwd,
      env: this.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10_000,
    });
  }

  /** Types text literally (send-keys -l). */
  sendKeys(text: string): void {
    this.tmux(['send-keys', '-t', 'S', '-l', text]);
  }

  /** Presses keys by name, one at a time: Enter, Down, Up, Space, C-c... */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux(['send-keys', '-t', 'S', key]);
  }

  /** The screen as text (capture-pane -p -J: wrapped lines joined). */
  capture(opts: CaptureOptions = {}): string {
    return this.tmux([
      'capture-pane',
      '-p',
      '-J',
      ...(opts.escapes ? ['-e'] : []),
      ...(opts.history ? ['-S', '-'] : []),
      '-t',
      'S',
    ]);
  }

  /**
   * Polls the screen every 50 ms until it contains `what` (a text, a pattern, or a test of the whole
   * screen); returns that screen. On timeout, throws with the last screen in the message.
   */
  async waitFor(
    what: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 10_000,
    opts: CaptureOptions = {},
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const found =
      typeof what === 'string'
        ? (s: string) => s.includes(what)
        : what instanceof RegExp
          ? (s: string) => what.test(s)
          : what;
    let screen: string;
    for (;;) {
      screen = this.capture(opts);
      if (found(screen)) return screen;
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(what)}; last screen:\n${screen}`);
  }

  /** The process ids of the command's processes (the children of the pane's shell), e.g. to signal one. */
  commandPids(): number[] {
    const shell = this.tmux(['list-panes', '-t', 'S', '-F', '#{pane_pid}']).trim();
    const out = spawnSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).stdout;
    return out
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  }

  /**
   * Ends the private tmux server and everything running in it. Safe to call twice. The command is
   * killed first (SIGKILL): a hang-up would let an interview save a draft into a folder the test
   * is about to remove.
   */
  kill(): void {
    if (this.killed) return;
    try {
      for (const pid of this.commandPids()) process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    this.hangUp();
  }

  /** Closes the terminal as a user closing its window would: the command gets a hang-up (SIGHUP). */
  hangUp(): void {
    if (this.killed) return;
    this.killed = true;
    let socketPath = '';
    try {
      socketPath = this.tmux(['display-message', '-p', '#{socket_path}']).trim();
    } catch {
      /* no server */
    }
    try {
      this.tmux(['kill-server']);
    } catch {
      /* already gone */
    }
    // tmux leaves the socket file behind; remove it so runs do not litter /tmp/tmux-UID.
    if (socketPath.includes(this.socket)) rmSync(socketPath, { force: true });
  }
}
