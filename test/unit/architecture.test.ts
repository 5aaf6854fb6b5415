import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of src/ and the one rule of direction (README, "How the code is laid out"):
// cli -> render -> core and cli -> rules -> core; core is pure. The browser page (web) is an edge
// like cli: it uses core, render and the parser of rules, and runs with no Node module at all.
const SRC = resolve(fileURLToPath(new URL('../../src', import.meta.url)));
const LAYER_MAY_IMPORT: Record<string, readonly string[]> = {
  core: ['core'],
  render: ['render', 'core'],
  rules: ['rules', 'core', 'paths'],
  cli: ['cli', 'render', 'rules', 'core', 'paths', 'web'],
  web: ['web', 'render', 'rules', 'core'],
  // The entry point and the package-root locator.
  main: ['cli', 'core', 'paths'],
  paths: [],
};
/** Node built-ins and globals the pure core must not touch: files, processes, the environment. */
const IMPURE = [
  /from 'node:(fs|fs\/promises|child_process|process|os|tty)'/,
  /\bprocess\.(env|argv|cwd|stdout|stderr|stdin|exit)\b/,
  /import\('node:/,
];

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.c?ts$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });

const layerOf = (file: string): string => {
  const rel = relative(SRC, file).split('\\').join('/');
  if (!rel.includes('/')) return rel.startsWith('paths.') ? 'paths' : 'main';
  return rel.split('/')[0]!;
};

/** Every relative import of a file (static, type-only and dynamic), resolved to a source file; JSON data aside. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)]
    .map((m) => m[1]!)
    .filter((s) => !s.endsWith('.json'));
  return specs.map((s) => resolve(dirname(file), s).replace(/\.c?js$/, (e) => (e === '.cjs' ? '.cts' : '.ts')));
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, importsOf(f)]));
const short = (f: string): string => relative(SRC, f);

describe('architecture of src/', () => {
  it('has a handful of files at its top, the rest in layer folders', () => {
    expect(all.filter((f) => dirname(f) === SRC).length).toBeLessThanOrEqual(5);
    expect(new Set(all.map(layerOf))).toEqual(new Set(['core', 'render', 'rules', 'cli', 'web', 'main', 'paths']));
  });

  it('imports run one way: cli -> render -> core, cli -> rules -> core', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph)
      for (const dep of deps) {
        if (!graph.has(dep)) wrong.push(`${short(file)} imports a missing ${short(dep)}`);
        else if (!LAYER_MAY_IMPORT[layerOf(file)]!.includes(layerOf(dep)))
          wrong.push(`${short(file)} -> ${short(dep)}`);
      }
    expect(wrong).toEqual([]);
  });

  it('the core and the renderers read no files, run no processes and read no environment', () => {
    const impure = all
      .filter((f) => layerOf(f) === 'core' || layerOf(f) === 'render')
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return IMPURE.filter((re) => re.test(text)).map((re) => `${short(f)}: ${re.source}`);
      });
    expect(impure).toEqual([]);
  });

  it('the browser page reaches no Node module: node:crypto alone, replaced in its build (vite.web.config.ts)', () => {
    const reached = new Set<string>();
    const visit = (f: string): void => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const d of graph.get(f) ?? []) visit(d);
    };
    visit(join(SRC, 'web', 'main.ts'));
    expect(reached.size).toBeGreaterThan(20);
    const nodeOnly = [...reached].flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(node:[^']+)'/g)]
        .map((m) => m[1]!)
        .filter((m) => m !== 'node:crypto')
        .map((m) => `${short(f)}: ${m}`),
    );
    expect(nodeOnly).toEqual([]);
    // The command line's modules are never in the page (the command imports the page's texts, not the reverse).
    expect([...reached].filter((f) => ['cli', 'main', 'paths'].includes(layerOf(f))).map(short)).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].map(short).join(' -> '));
        else if (!state.has(d) && graph.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('the check can fail: a core module importing the command line is caught', () => {
    const core = all.find((f) => layerOf(f) === 'core')!;
    const cli = all.find((f) => layerOf(f) === 'cli')!;
    expect(LAYER_MAY_IMPORT[layerOf(core)]!.includes(layerOf(cli))).toBe(false);
  });
});
