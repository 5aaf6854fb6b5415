/**
 * A progress line on stderr for work that takes more than a second: shown only in
 * a terminal, redrawn at most ten times a second, erased when the work ends. Scripts (stderr
 * not a terminal) see nothing.
 */
export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function progressLine(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  text: (percent: number) => string,
  now: () => number = () => performance.now(),
): Progress {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const t = now();
      if (t - start < 1000 || t - last < 100) return;
      last = t;
      shown = true;
      const percent = Math.min(100, Math.floor((done / Math.max(total, 1)) * 100));
      stream.write(`\r\u001b[K${text(percent)}`);
    },
    end() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
