/**
 * The package stands alone: `npm pack` ships what runs and
 * nothing else, installing the tarball into an empty prefix prints no npm warning and builds
 * nothing, and the installed tool runs from a folder far from the repository: --help, and the
 * assessment of the example its own messages point at. The package has no dependency, so the
 * install is --offline: no registry is asked. Needs dist/ (built by `npm test` before vitest;
 * packed with --ignore-scripts so that no rebuild disturbs the other tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const TIMEOUT = 180_000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed tarball, installed into an empty prefix', () => {
  let tmp: string;
  let files: string[];
  let installLog: string;
  let bin: string;
  let elsewhere: string;
  let prefix: string;
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    // As a user's shell would: not inside an npm script of this repository.
    for (const k of Object.keys(e)) if (k.startsWith('npm_')) delete e[k];
    return e;
  };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-package-'));
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
        cwd: ROOT,
        encoding: 'utf8',
        env: env(),
      }),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed[0]!.files.map((f) => f.path).sort();
    prefix = join(tmp, 'prefix');
    const r = spawnSync(
      npm,
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        '--offline',
        join(tmp, packed[0]!.filename),
      ],
      { cwd: tmp, encoding: 'utf8', env: env() },
    );
    installLog = `${r.stdout}${r.stderr}`;
    expect(r.status, installLog).toBe(0);
    bin = join(prefix, 'bin', 'tip-coord');
    elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
  }, TIMEOUT);
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    spawnSync(bin, args, { cwd: elsewhere, encoding: 'utf8', env: env(), stdio: ['ignore', 'pipe', 'pipe'] });

  it('ships the launcher, the bundle, the rules, the examples, the JSON Schemas, the documentation and the README: no source, no build script', () => {
    const top = new Set(files.map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual([
      'README.md',
      'bin',
      'dist',
      'docs',
      'examples',
      'package.json',
      'rules',
      'schemas',
    ]);
    expect(files).toContain('docs/README.md');
    expect(files).toContain('docs/answers.md');
    // The launcher, CommonJS by bin/package.json.
    expect(files.filter((f) => f.startsWith('bin/'))).toEqual(['bin/package.json', 'bin/tip-coord.js']);
    expect(files).toContain('examples/refugee-wg-documented.json');
    // The examples' "$schema" points at ../schemas/: the schema ships beside them.
    expect(files).toContain('schemas/answers.v1.schema.json');
    // The browser page's script and style, read (not imported) by `tip-coord web`, which inlines them.
    expect(files.filter((f) => f.startsWith('dist/web/'))).toEqual([
      'dist/web/docx.js',
      'dist/web/page.css',
      'dist/web/page.js',
    ]);
    // Every other file of dist/ is the entry, a chunk some file of dist/ requires, or the
    // precompiled built-in rule base of a language: no unused build output.
    const dist = files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/web/'));
    const used = new Set(['dist/tip-coord.cjs', 'dist/rulebase.en.json', 'dist/rulebase.fr.json']);
    for (const f of dist.filter((x) => x.endsWith('.cjs')))
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/require\("\.\/([^"]+)"\)/g))
        used.add(`dist/${m[1]!}`);
    expect(dist.filter((f) => !used.has(f))).toEqual([]);
    expect(dist.filter((f) => !f.endsWith('.cjs') && !f.endsWith('.json'))).toEqual([]);
    expect(files).toContain('dist/rulebase.en.json');
  });

  it('installs lean: at most 20 packages and 10 MB (the bundle inlines every library it uses)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    const installed = join(prefix, 'lib', 'node_modules');
    // Every folder with a package.json under a node_modules folder is a package, nested ones too.
    const packages: string[] = [];
    let bytes = 0;
    const walk = (dir: string, inModules: boolean): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (inModules && !entry.name.startsWith('@') && existsSync(join(path, 'package.json'))) packages.push(path);
          walk(path, entry.name === 'node_modules' || (inModules && entry.name.startsWith('@')));
        } else bytes += statSync(path).size;
      }
    };
    walk(installed, true);
    console.log(`installed: ${packages.length} package(s), ${(bytes / 1e6).toFixed(1)} MB`);
    expect(packages.length).toBeGreaterThanOrEqual(1);
    expect(packages.length).toBeLessThanOrEqual(20);
    expect(bytes).toBeLessThanOrEqual(10_000_000);
    expect(installLog).toMatch(/added 1 package/);
  });

  it('installs with no npm warning and runs no install script', () => {
    expect(installLog).not.toMatch(/npm warn/i);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[s]).toBeUndefined();
  });

  it('--help works away from the repository', () => {
    const r = run(['--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Start here: tip-coord assess');
  });

  it('tip-coord alone, batch --help and assess --help name files that exist in the installed package', () => {
    const alone = run([]);
    expect(alone.status, alone.stderr).toBe(0);
    const docs = /Documentation: (\S+\.md)/.exec(alone.stdout.replace(/\n/g, ' '))?.[1];
    expect(docs, alone.stdout).toBeDefined();
    expect(existsSync(docs!)).toBe(true);
    const batch = run(['batch', '--help']);
    const kobo = /batch (\S+kobo-export\.xlsx)/.exec(batch.stdout)?.[1];
    expect(kobo, batch.stdout).toBeDefined();
    expect(existsSync(kobo!)).toBe(true);
    // The question ids: a short page, not the rules document.
    const ids = /their values: (\S+answers\.md)/.exec(run(['assess', '--help']).stdout.replace(/\s+/g, ' '))?.[1];
    expect(ids).toBeDefined();
    expect(existsSync(ids!)).toBe(true);
  });

  it('writes the browser page away from the repository, with its script inlined', () => {
    const page = join(elsewhere, 'tip-coord.html');
    const r = run(['web', '--out', page]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html.length).toBeGreaterThan(readFileSync(join(ROOT, 'dist', 'web', 'page.js'), 'utf8').length);
  });

  it('the example its messages point at exists and assesses', () => {
    const refused = run(['assess']);
    expect(refused.status).toBe(2);
    const example = /--answers (\S+\.json)/.exec(refused.stderr)?.[1];
    expect(example, refused.stderr).toBeDefined();
    expect(existsSync(example!)).toBe(true);
    const r = run(['assess', '--answers', example!, '--format', 'json', '--date', '2026-01-01']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('primary', 'working_group');
    const md = run(['assess', '--answers', example!, '--date', '2026-01-01', '--lang', 'fr']);
    expect(md.status, md.stderr).toBe(0);
    expect(existsSync(join(elsewhere, md.stdout.trim()))).toBe(true);
  });
});
