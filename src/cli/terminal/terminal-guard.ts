import { cleanTerminal } from '../../core/sanitize.js';

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * The last gate before the terminal: every text written to these streams passes
 * cleanTerminal, so a control sequence from a hostile file (an OSC title, a terminal reset)
 * that a message or a renderer failed to clean is shown escaped instead of run. Colours and
 * the prompts' cursor moves (CSI sequences) pass. Installed once, when a command starts.
 */
export function guardTerminal(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? cleanTerminal(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}
