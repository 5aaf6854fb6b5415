// Start-up and throughput benchmark: `npm run bench` (after `npm run build`).
// Every case is a whole process, as a user runs it; bare `node -e 0` is measured in the
// same run, interleaved round by round, so the ratios hold on any machine.
// BENCH_RUNS=N changes the number of timed runs per case (default 15).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { benchLargeBatch } from './batch-large.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(root, 'bin', 'tip-coord.js');
const answers = join(root, 'examples', 'refugee-wg-documented.json');
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const WARMUPS = 2;
const BATCH_FILES = 50;

if (!existsSync(join(root, 'dist', 'tip-coord.js'))) {
  console.error('bench: dist/tip-coord.js is missing; run `npm run build` first.');
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
  { key: 'version', label: 'tip-coord --version', cmd: [process.execPath, [bin, '--version']], target: 1.3 },
  { key: 'help', label: 'tip-coord --help', cmd: [process.execPath, [bin, '--help']], target: 1.3 },
  {
    key: 'json',
    label: 'assess --answers FILE --format json',
    cmd: [process.execPath, [bin, 'assess', '--answers', answers, '--format', 'json']],
    target: 2,
  },
  {
    key: 'md',
    label: 'assess --answers FILE (markdown to a file)',
    cmd: [process.execPath, [bin, 'assess', '--answers', answers, '--out', outDir]],
    target: 2.2,
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

const bare = median(times.get('bare'));
const rows = cases.map((c) => {
  const med = median(times.get(c.key));
  const ratio = med / bare;
  const target = c.target ? `≤ ${c.target.toFixed(1)}×` : '';
  const verdict = c.target ? (ratio <= c.target ? 'ok' : 'OVER') : '';
  return [c.label, med.toFixed(1), `${ratio.toFixed(2)}×`, target, verdict];
});

/** Batch throughput: answers files per second, once `tip-coord batch PATH` exists (issue 6). */
function benchBatch() {
  // Listed in --help once it exists (`batch --help` alone would show the main help and exit 0).
  const help = spawnSync(process.execPath, [bin, '--help'], { cwd: work, env, encoding: 'utf8' }).stdout;
  if (!/^\s+batch\b/m.test(help)) return 'batch: not available (no `tip-coord batch` command in this build)';
  // Hook: a folder of answers files, one report each, as issue 6 specifies `tip-coord batch PATH`.
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

console.log(
  `tip-coord start-up, Node ${process.version}, ${RUNS} runs per case after ${WARMUPS} warm-ups, median wall time per process\n`,
);
console.log(table(['case', 'median ms', 'vs bare node', 'target', ''], rows));
if (!hasScript) console.log('\nterminal: not measured (util-linux `script` not found)');
console.log(`\n${benchBatch()}`);
// Issue 15: a large CSV, rows per second and peak memory (bench/batch-large.js).
for (const line of benchLargeBatch(bin, env)) console.log(line);
rmSync(work, { recursive: true, force: true });
const over = rows.filter((r) => r[4] === 'OVER').length;
console.log(over ? `\n${over} case(s) over target.` : '\nAll targets met.');
