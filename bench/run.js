// Start-up and throughput benchmark: `npm run bench` (after `npm run build`).
// Every case is a whole process, as a user runs it; bare `node -e 0` is measured in the
// same run, interleaved round by round, so the ratios hold on any machine.
// BENCH_RUNS=N changes the number of timed rounds (default 21: each case is paired with a bare
// node run in every round, and a ratio is the median of the rounds' ratios).
// BENCH_WORD_ROWS=500,2000 sets the batches written to Word (peak memory and rows per second);
// BENCH_BATCH_ROWS / BENCH_BATCH_REPORT_ROWS the large CSV cases (bench/batch-large.js; 0 skips).
// Nothing here runs in CI: timings belong to a benchmark, never to a test.
import { spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem, release } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { benchLargeBatch, largeCsv } from './batch-large.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(root, 'bin', 'tip-coord.js');
const answers = join(root, 'examples', 'refugee-wg-documented.json');
const RUNS = Math.max(Number(process.env.BENCH_RUNS) || 21, 1);
const WARMUPS = 2;
const BATCH_FILES = 50;

if (!existsSync(join(root, 'dist', 'tip-coord.cjs'))) {
  console.error('bench: dist/tip-coord.cjs is missing; run `npm run build` first.');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'tip-coord-bench-'));
const outDir = join(work, 'reports');
// No colour and a fixed date: every run does the same work.
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795910400' };
delete env.FORCE_COLOR;

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
const sh = (args) => args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
/** Runs a command line in a pseudo-terminal (util-linux script), 100 columns wide. */
const inPty = (args) => ['script', ['-qec', `stty cols 100 rows 30; ${sh(args)}`, '/dev/null']];

/** Each case: label, command, optional target ratio, and cleanup between runs (not timed). */
const cases = [
  { key: 'bare', label: 'node -e 0 (bare node)', cmd: [process.execPath, ['-e', '0']] },
  { key: 'version', label: 'tip-coord --version', cmd: [process.execPath, [bin, '--version']], target: 1.25 },
  { key: 'help', label: 'tip-coord --help', cmd: [process.execPath, [bin, '--help']], target: 1.25 },
  {
    key: 'json',
    label: 'assess --answers FILE --format json',
    cmd: [process.execPath, [bin, 'assess', '--answers', answers, '--format', 'json']],
    target: 1.8,
  },
  {
    key: 'md',
    label: 'assess --answers FILE --out DIR (markdown report to a folder)',
    cmd: [process.execPath, [bin, 'assess', '--answers', answers, '--out', outDir]],
    target: 2.0,
    after: () => rmSync(outDir, { recursive: true, force: true }),
  },
];
if (hasScript) {
  cases.push(
    { key: 'ptyBare', label: 'node -e 0 in a pseudo-terminal (reference)', cmd: inPty([process.execPath, '-e', '0']) },
    {
      key: 'tty',
      label: 'assess --answers FILE (rendered in a terminal)',
      cmd: inPty([process.execPath, bin, 'assess', '--answers', answers, '--out', outDir]),
      after: () => rmSync(outDir, { recursive: true, force: true }),
    },
  );
}

function runOnce(c) {
  const [file, args] = c.cmd;
  const t0 = performance.now();
  const r = spawnSync(file, args, { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  c.after?.();
  if (r.status !== 0) {
    console.error(
      `bench: "${c.label}" failed (exit ${r.status ?? r.signal}):\n${r.stderr.toString()}${r.stdout.toString().slice(0, 2000)}`,
    );
    process.exit(1);
  }
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Round-robin: a slow moment on the machine hits every case, not just one.
const times = new Map(cases.map((c) => [c.key, []]));
for (let round = 0; round < WARMUPS + RUNS; round++) {
  for (const c of cases) {
    const ms = runOnce(c);
    if (round >= WARMUPS) times.get(c.key).push(ms);
  }
}

// Each round's run against that round's bare run (the pty cases against the bare run in a pty).
const reference = (c) => (c.key === 'tty' ? 'ptyBare' : 'bare');
const rows = cases.map((c) => {
  const med = median(times.get(c.key));
  const ref = times.get(reference(c));
  const ratio = median(times.get(c.key).map((ms, i) => ms / ref[i]));
  const target = c.target ? `≤ ${c.target}×` : '';
  const verdict = c.target ? (ratio <= c.target ? 'ok' : 'OVER') : '';
  return [c.label, med.toFixed(1), `${ratio.toFixed(2)}×`, target, verdict];
});

/** Batch throughput: answers files per second, once `tip-coord batch PATH` exists. */
function benchBatch() {
  // Listed in --help once it exists (`batch --help` alone would show the main help and exit 0).
  const help = spawnSync(process.execPath, [bin, '--help'], { cwd: work, env, encoding: 'utf8' }).stdout;
  if (!/^\s+batch\b/m.test(help)) return 'batch: not available (no `tip-coord batch` command in this build)';
  // A folder of answers files, one report each.
  const dir = join(work, 'batch-in');
  mkdirSync(dir, { recursive: true });
  const base = JSON.parse(readFileSync(answers, 'utf8'));
  for (let i = 1; i <= BATCH_FILES; i++) {
    writeFileSync(join(dir, `response-${i}.json`), JSON.stringify({ ...base, response: { name: `Response ${i}` } }));
  }
  const c = {
    label: 'batch',
    cmd: [process.execPath, [bin, 'batch', dir, '--out', outDir]],
    after: () => rmSync(outDir, { recursive: true, force: true }),
  };
  const runs = [];
  for (let i = 0; i < WARMUPS + Math.min(RUNS, 5); i++) {
    const ms = runOnce(c);
    if (i >= WARMUPS) runs.push(ms);
  }
  const ms = median(runs);
  return `batch: ${BATCH_FILES} answers files in ${ms.toFixed(0)} ms median = ${((BATCH_FILES * 1000) / ms).toFixed(0)} files/s`;
}

function table(head, body) {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const line = (r) =>
    `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

/** The machine, as the figures must be read: the load average says how busy it was. */
function machine() {
  const cpu = cpus();
  const gb = (b) => (b / 1024 ** 3).toFixed(1);
  return [
    `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${gb(totalmem())} GB (${gb(freemem())} free)`,
    `${process.platform} ${release()}, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1, 5, 15 min)`,
  ].join('; ');
}

/**
 * Batches written to Word, as a coordinator runs them: one report per response and the summary.
 * Peak memory is the process's maximum resident set (what /usr/bin/time -v prints).
 */
function benchWordBatches() {
  const sizes = (process.env.BENCH_WORD_ROWS ?? '500,2000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const dir = join(work, 'word');
  mkdirSync(dir, { recursive: true });
  const rss = join(dir, 'maxrss.txt');
  const preload = join(dir, 'maxrss.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rss)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const peaks = [];
  const lines = sizes.map((n) => {
    const csv = join(dir, `rows-${n}.csv`);
    writeFileSync(csv, largeCsv(n));
    const out = join(dir, `out-${n}`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, bin, 'batch', csv, '--format', 'docx', '--out', out], {
      cwd: work,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = performance.now() - t0;
    rmSync(out, { recursive: true, force: true });
    if (r.status !== 0)
      return `batch ${n} rows --format docx: failed (exit ${r.status ?? r.signal}) ${r.stderr.toString().slice(0, 500)}`;
    const peak = Number(readFileSync(rss, 'utf8')) / 1024;
    peaks.push([n, peak]);
    const verdict = peak <= 200 ? 'ok' : 'OVER';
    return `batch ${n.toLocaleString('en')} rows --format docx: ${(ms / 1000).toFixed(1)} s = ${((n * 1000) / ms).toFixed(1)} rows/s, peak ${peak.toFixed(0)} MB (target ≤ 200 MB: ${verdict})`;
  });
  if (peaks.length >= 2) {
    const [[n0, p0], [n1, p1]] = [peaks[0], peaks[peaks.length - 1]];
    const growth = p1 / p0;
    lines.push(
      `peak at ${n1.toLocaleString('en')} rows / at ${n0.toLocaleString('en')} rows: ${growth.toFixed(2)}× (target ≤ 1.25×: ${growth <= 1.25 ? 'ok' : 'OVER'})`,
    );
  }
  return lines;
}

console.log(`${machine()}\n`);
console.log(
  `tip-coord start-up: ${RUNS} rounds after ${WARMUPS} warm-ups; each round runs every case once, each against the bare node run of that round; median wall time per process, median of the ratios\n`,
);
console.log(table(['case', 'median ms', 'vs bare node', 'target', ''], rows));
if (!hasScript) console.log('\nterminal: not measured (util-linux `script` not found)');
console.log(`\n${benchBatch()}`);
const word = benchWordBatches();
for (const line of word) console.log(line);
// A large CSV, rows per second and peak memory (bench/batch-large.js).
if (process.env.BENCH_BATCH_ROWS !== '0') for (const line of benchLargeBatch(bin, env)) console.log(line);
rmSync(work, { recursive: true, force: true });
const over = rows.filter((r) => r[4] === 'OVER').length + word.filter((l) => l.includes('OVER')).length;
console.log(over ? `\n${over} case(s) over target.` : '\nAll targets met.');
