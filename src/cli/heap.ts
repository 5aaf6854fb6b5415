import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its heap grow past what a full collection left alive, in percent. By default it
 * grows it by up to about four times that, which suits a short run. A batch written to Word keeps
 * little alive (some 16 MB) but makes much short-lived garbage: each report is a tree of objects,
 * then of XML, then a package. With the default, a 500-row batch peaked at about 190 MB, and
 * more with more rows; letting the heap no more than double keeps the peak near 150 MB, at
 * the cost of more frequent (short) full collections. No hard cap: a batch that needs more
 * memory still gets it.
 */
const GROWING_PERCENT = 100;

/** For the rest of this process, full collections come sooner (see GROWING_PERCENT); a setting of the user's own is kept. */
export function collectSooner(): void {
  const own = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (/--heap[-_]growing[-_]percent/.test(own)) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}
