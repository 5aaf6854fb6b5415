/**
 * Standard output and error, when they are a pipe or a file, written straight to their file
 * descriptors. Making process.stdout for a pipe loads Node's stream and network modules: about
 * 7 ms of a `--help` that takes some 25 ms of its own. Node writes to a pipe or a file
 * synchronously on Linux and macOS anyway, as this does; a terminal (or a device such as
 * /dev/null), and Windows, keep Node's own streams.
 *
 * The stand-in does what the tool, commander and console ask of these streams: write (with its
 * callback), isTTY and the size (none, as for a pipe), and 'error' listeners. Anything else read
 * from it, or a descriptor that would block (EAGAIN), makes Node's stream, and every later write
 * goes there: the writes before it are done, so the order holds. A failed write is an 'error'
 * event on the next tick, as a stream's is (main.ts says it, or stops quietly on EPIPE).
 */
import { EventEmitter } from 'node:events';
import { fstatSync, writeSync } from 'node:fs';

type Listener = (...args: unknown[]) => void;

/** Whether a file descriptor is a pipe, a socket or a file: never a terminal, so writable as bytes. */
function plainOutput(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isSocket() || st.isFile();
  } catch {
    return false;
  }
}

/** process.stdout and process.stderr as stand-ins where they are a pipe or a file (see above). */
export function directOutput(): void {
  if (process.platform === 'win32') return;
  for (const [name, fd] of [
    ['stdout', 1],
    ['stderr', 2],
  ] as const) {
    const own = Object.getOwnPropertyDescriptor(process, name);
    if (!own?.get || !own.configurable || !plainOutput(fd)) continue;
    const nodeStream = own.get.bind(process) as () => NodeJS.WriteStream;
    let made: NodeJS.WriteStream | undefined;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: own.enumerable ?? true,
      get: () => (made ??= standIn(fd, nodeStream)),
    });
  }
}

function standIn(fd: number, nodeStream: () => NodeJS.WriteStream): NodeJS.WriteStream {
  const events = new EventEmitter();
  let real: NodeJS.WriteStream | undefined;
  let failed: Error | undefined;
  const toReal = (): NodeJS.WriteStream => {
    if (!real) {
      real = nodeStream();
      // Listeners given to the stand-in hear the real stream's errors too.
      real.on('error', (err) => events.emit('error', err));
    }
    return real;
  };
  const later = (cb: ((err?: Error | null) => void) | undefined, err?: Error): void => {
    if (cb) process.nextTick(cb, err ?? null);
  };

  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const cb = (typeof encoding === 'function' ? encoding : callback) as ((err?: Error | null) => void) | undefined;
    if (real)
      return real.write(chunk as string, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding, cb);
    if (failed) {
      later(cb, failed);
      return false;
    }
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    let at = 0;
    try {
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return toReal().write(bytes.subarray(at), cb);
      failed = err as Error;
      process.nextTick(() => events.emit('error', err));
      later(cb, failed);
      return false;
    }
    later(cb);
    return true;
  };

  // 'error' listeners stay with the stand-in (and hear the real stream's, once there is one);
  // listeners for anything else (drain, finish, …) belong to a real stream.
  const listen =
    (method: 'on' | 'once' | 'off' | 'addListener' | 'removeListener' | 'prependListener') =>
    (event: string | symbol, listener: Listener): NodeJS.WriteStream => {
      if (event === 'error') events[method](event, listener);
      else (toReal()[method] as (e: string | symbol, l: Listener) => unknown)(event, listener);
      return stream;
    };
  const handled: Record<string | symbol, unknown> = {
    fd,
    write,
    isTTY: undefined,
    columns: undefined,
    rows: undefined,
    writable: true,
    on: listen('on'),
    once: listen('once'),
    off: listen('off'),
    addListener: listen('addListener'),
    removeListener: listen('removeListener'),
    prependListener: listen('prependListener'),
    emit: (event: string | symbol, ...args: unknown[]) => events.emit(event, ...args),
    listenerCount: (event: string | symbol) => events.listenerCount(event) + (real?.listenerCount(event) ?? 0),
  };
  const stream: NodeJS.WriteStream = new Proxy(handled, {
    get(target, key) {
      if (Object.hasOwn(target, key)) return target[key];
      const value = (toReal() as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? (value as Listener).bind(real) : value;
    },
    set(target, key, value) {
      // guardTerminal puts its own write in place of the stand-in's, which passes to the real stream once there is one.
      if (Object.hasOwn(target, key)) target[key] = value;
      else (toReal() as unknown as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  }) as unknown as NodeJS.WriteStream;
  return stream;
}
