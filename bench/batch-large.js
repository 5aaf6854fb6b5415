// Large-batch benchmark: a CSV of many responses through
// `tip-coord batch`, reporting rows per second and the peak memory (resident set) of the process.
// Kept apart from the start-up cases of run.js so each can change without the other.
// BENCH_BATCH_ROWS=N sets the number of rows (default 100,000); BENCH_BATCH_REPORT_ROWS=N the rows of
// the run that writes one report per response (default 2,000: at ~150-300 rows/s, 100,000 would take minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Target: peak under 300 MB, whatever the number of rows. */
export const PEAK_TARGET_MB = 300;

/** A CSV of `rows` responses, varied so that every primary mechanism and caution gets some. */
export function largeCsv(rows) {
  const scale = ['isolated', 'significant', 'widespread', ''];
  const evidence = ['none', 'anecdotal', 'indicators', 'documented', 'unknown'];
  const actors = ['in_cluster', 'outside_cluster', 'none', ''];
  const stance = ['engaged', 'neutral', 'selective', 'resists_terminology', 'implicated'];
  const load = ['low', 'moderate', 'high'];
  const lines = ['name,tipScale,tipEvidence,tipForms,antiTipActors,governmentStance,meetingLoad,ruleOfLaw,gbvAor'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `Response ${i + 1}`,
        scale[i % 4],
        evidence[i % 5],
        i % 3 ? 'forced_labour;sexual_exploitation' : '',
        actors[i % 4],
        stance[i % 5],
        load[i % 3],
        i % 2 ? 'functioning' : 'limited',
        i % 7 ? 'active' : 'case_management',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one batch in its own process; the preload reports its peak resident set on exit. */
function runBatch(bin, work, env, csv, rows, extra) {
  const out = join(work, `out-${extra.length ? 'summary' : 'reports'}`);
  const rss = join(work, 'maxrss.txt');
  const preload = join(work, 'maxrss.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rss)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, bin, 'batch', csv, '--out', out, ...extra], {
    cwd: work,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0)
    return `batch ${rows} rows${extra.length ? ' ' + extra.join(' ') : ''}: failed (exit ${r.status ?? r.signal}) ${r.stderr.toString().slice(0, 500)}`;
  const peakMb = Number(readFileSync(rss, 'utf8')) / 1024;
  const verdict = peakMb < PEAK_TARGET_MB ? 'ok' : 'OVER';
  return `batch ${rows.toLocaleString('en')} CSV rows${extra.length ? ` ${extra.join(' ')}` : ' (a report each)'}: ${(ms / 1000).toFixed(1)} s = ${((rows * 1000) / ms).toFixed(0)} rows/s, peak ${peakMb.toFixed(0)} MB (target < ${PEAK_TARGET_MB} MB: ${verdict})`;
}

/** The large-batch cases: 100,000 rows with --summary-only, and a smaller run writing every report. */
export function benchLargeBatch(bin, env) {
  const work = mkdtempSync(join(tmpdir(), 'tip-coord-bench-large-'));
  try {
    const rows = Number(process.env.BENCH_BATCH_ROWS) || 100_000;
    const reportRows = Number(process.env.BENCH_BATCH_REPORT_ROWS) || 2_000;
    const big = join(work, 'big.csv');
    writeFileSync(big, largeCsv(rows));
    const small = join(work, 'small.csv');
    writeFileSync(small, largeCsv(reportRows));
    return [runBatch(bin, work, env, big, rows, ['--summary-only']), runBatch(bin, work, env, small, reportRows, [])];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `node bench/batch-large.js` runs these cases alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795910400' };
  for (const line of benchLargeBatch(join(root, 'bin', 'tip-coord.js'), env)) console.log(line);
}
