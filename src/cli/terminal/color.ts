/**
 * Whether to colour output. NO_COLOR (non-empty) and --no-color turn colour off everywhere;
 * chalk alone ignores NO_COLOR on a terminal (stack notes), so callers apply this to chalk.
 */
export function colorEnabled(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  if (argv.includes('--no-color')) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR === '0') return false;
  return true;
}
