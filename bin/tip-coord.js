#!/usr/bin/env node
// Launcher: the CLI is a CommonJS bundle in dist/ (npm run build; a clone builds it on `npm ci`,
// the package ships it built). CommonJS, because Node starts it faster than an ES-module graph
// (bin/package.json makes this file CommonJS inside an ES-module package).
'use strict';

const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist');
const MAIN = require.main;

/**
 * V8's code cache for the bundle's files. Compiling them is a good part of a short run, and
 * Node 20 keeps no cache of its own (module.enableCompileCache came with Node 22, and is used
 * where there is one). After a run, the code V8 compiled for each file of dist/ goes to the
 * user's cache folder, together with the file's stamp (size, times, inode: what git's index
 * keeps to know a file unchanged without reading it); a later run hands the code back to V8
 * only when the file's stamp is still the same, and V8 takes it only when its own version and
 * flags match (else it compiles as usual). A file changed less than RACY_MS before its code is
 * kept is not kept: a change within the same tick of the clock would keep its stamp. Keeping
 * the stamp rather than the file's text spares a short run reading and comparing all of it
 * again. V8 keeps the code of the functions a run compiled, and hands back all of a file's kept
 * code whether a run needs it or not: code kept after `--help` lacks what an assessment runs,
 * and code kept for every kind of run makes each run read what the others compiled. So a file's
 * code is kept apart for each shape of command line (see shapeOf), and each kept file lists the
 * kinds of run it has served (a kind: the set of the bundle's files a run loaded): a run of a
 * kind not listed keeps the file's code again, the code it was handed and the code it compiled.
 * Only the tool's own code is kept there, never anything a user typed or read.
 * TIP_COORD_NO_CODE_CACHE=1 turns it off.
 */
function codeCache() {
  if (process.env.TIP_COORD_NO_CODE_CACHE) return undefined;
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return undefined;
  }
  const base =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) ||
    // os.homedir() is $HOME where there is one; node:os is then not loaded at all.
    path.join((process.platform !== 'win32' && process.env.HOME) || require('node:os').homedir(), '.cache');
  if (!path.isAbsolute(base)) return undefined;
  const parent = path.join(base, 'tip-coord');
  const dir = path.join(parent, `code-${process.version}-${process.arch}-${nameOf(DIST)}`);
  // Code is read back only from folders this user alone can write (else another account could
  // hand this process code to run); such a folder, or none, means compiling as usual.
  const usable = isPrivate(parent) && isPrivate(dir);
  const shape = shapeOf(process.argv.slice(2));
  const vm = require('node:vm');
  const loaded = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (path.dirname(filename) !== DIST) return compile.call(this, content, filename);
    const file = path.join(dir, `${path.basename(filename)}.${shape}.v8`);
    let stamp;
    let cachedData;
    let kinds;
    try {
      stamp = stampOf(filename);
      // The header's length, the header (the file's stamp, "|", the kinds of run served), then V8's code.
      const kept = usable ? fs.readFileSync(file) : undefined;
      const length = kept?.readUInt32LE(0);
      const header = kept && length <= 4096 ? kept.toString('latin1', 4, 4 + length) : '';
      if (header.startsWith(`${stamp.text}|`)) {
        cachedData = kept.subarray(4 + length);
        kinds = header.slice(stamp.text.length + 1).split(',');
      }
    } catch {
      // Not kept yet, or unreadable: compiled as usual.
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (stamp) loaded.push({ script, file, stamp, kinds: script.cachedDataRejected ? undefined : kinds });
    // The module's own require, as Node would hand it (the bundle's files require each other).
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.main = MAIN;
    require.cache = Module._cache;
    return script
      .runInThisContext({ displayErrors: true })
      .call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  return () => {
    const kind = nameOf(
      loaded
        .map(({ file }) => path.basename(file))
        .sort()
        .join('\n'),
    );
    const made = loaded.filter(
      ({ kinds }) => kinds === undefined || (!kinds.includes(kind) && kinds.length < MAX_KINDS),
    );
    if (made.length === 0) return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!makePrivate(parent) || !makePrivate(dir)) return;
      // A folder that others could write into until now may hold anything: start it afresh.
      if (!usable)
        for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
      for (const { script, file, stamp, kinds } of made) {
        if (Date.now() - stamp.changed < RACY_MS) continue;
        const text = Buffer.from(`${stamp.text}|${[...(kinds ?? []), kind].join(',')}`, 'latin1');
        const length = Buffer.alloc(4);
        length.writeUInt32LE(text.length, 0);
        // Written whole under a temporary name, then renamed: a reader sees all of it or nothing.
        const tmp = `${file}.${process.pid}.tmp`;
        try {
          // 'wx': never through a file or link already there.
          fs.writeFileSync(tmp, Buffer.concat([length, text, script.createCachedData()]), {
            mode: 0o600,
            flag: 'wx',
          });
          fs.renameSync(tmp, file);
        } catch (err) {
          fs.rmSync(tmp, { force: true });
          throw err;
        }
      }
      // The code of files this copy of the tool no longer has is of no more use.
      for (const name of fs.readdirSync(dir)) {
        const of = KEPT_NAME.exec(name)?.[1];
        if (of === undefined || !fs.existsSync(path.join(DIST, of))) fs.rmSync(path.join(dir, name), { force: true });
      }
    } catch {
      // A cache that cannot be written only means that the next run compiles again.
    }
  };
}

/** A kept file's name: the bundle's file, the shape of command line, `.v8`. */
const KEPT_NAME = /^(.+\.cjs)\.[0-9a-f]\.v8$/;

/** How many shapes of command line are kept apart (each file's code is kept once per shape). */
const SHAPES = 16;

/**
 * The shape of a command line, as one of SHAPES hex digits: the command, the names of the
 * options, the output format, and whether the output is a terminal (where a report is drawn)
 * tell which code a run will need. The values that change between runs of one shape (files,
 * `--set` answers, dates) are left out, so that trying answer after answer keeps one shape. It
 * is a digest folded into a few bits: nothing a user typed can be read from it, and two shapes
 * that fall on one digit only share their kept code.
 */
function shapeOf(args) {
  const names = [];
  let command = '';
  let format = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      const name = arg.split('=', 1)[0];
      names.push(name);
      if (name === '--format' || name === '-f')
        format = arg.includes('=') ? arg.slice(name.length + 1) : (args[i + 1] ?? '');
    } else if (command === '') command = arg;
  }
  let terminal = false;
  try {
    terminal = fs.fstatSync(1).isCharacterDevice();
  } catch {
    // No standard output: not a terminal.
  }
  return (fnv1a(`${command}\0${names.sort().join(' ')}\0${format}\0${terminal}`) % SHAPES).toString(16);
}

/** The kinds of run a kept file lists at most: past them, its code is kept as it is. */
const MAX_KINDS = 12;

/** Within this many milliseconds of a file's last change, its stamp may not tell a later change. */
const RACY_MS = 3000;

/** What tells a file of dist/ unchanged without reading it, and when it last changed. */
function stampOf(filename) {
  const st = fs.statSync(filename);
  return {
    text: `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`,
    changed: Math.max(st.mtimeMs, st.ctimeMs),
  };
}

/** A real folder (not a link) of this user's that no one else can write into or read. */
function isPrivate(dir) {
  try {
    const st = fs.lstatSync(dir);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    return st.isDirectory() && mine && (process.platform === 'win32' || (st.mode & 0o077) === 0);
  } catch {
    return false;
  }
}

/** isPrivate, after taking others' rights away from a folder of this user's (made by an older umask). */
function makePrivate(dir) {
  try {
    const st = fs.lstatSync(dir);
    if (
      st.isDirectory() &&
      !st.isSymbolicLink() &&
      (typeof process.getuid !== 'function' || st.uid === process.getuid())
    )
      if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  } catch {
    return false;
  }
  return isPrivate(dir);
}

/** A short name for a folder, for a cache folder of its own (FNV-1a: a name, not a check). */
function nameOf(text) {
  return fnv1a(text).toString(16).padStart(8, '0');
}

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The bundle's files name each other "./name-hash.cjs": such a name, from a file of dist/ and
 * naming a file there, is that file. Node's own resolution would look for a package.json around
 * the requiring file, then stat the file and find its real path, for every require: some 3 ms
 * of an assessment's twenty files. Any other name (a built-in, a file not in dist/) goes to Node.
 */
function resolveBundleFiles() {
  let names;
  try {
    names = new Set(fs.readdirSync(DIST));
  } catch {
    return;
  }
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (
      options === undefined &&
      request.startsWith('./') &&
      names.has(request.slice(2)) &&
      typeof parent?.filename === 'string' &&
      path.dirname(parent.filename) === DIST
    )
      return path.join(DIST, request.slice(2));
    return resolve.call(this, request, parent, isMain, options);
  };
}

function runMain() {
  const saveCache = codeCache();
  resolveBundleFiles();
  require('../dist/tip-coord.cjs')
    .main(process.argv)
    .then((code) => {
      process.exitCode = code;
      saveCache?.();
      // Exit once the output is flushed: left to itself, Node would first wait for V8's background
      // optimising compiles (about 8 ms after an assessment), which no one needs.
      process.stdout.write('', () => process.stderr.write('', () => process.exit()));
    });
}

/**
 * `tip-coord --version` alone, which scripts and installers run to check the tool, is answered
 * from package.json without loading the program (as commander would answer it, byte for byte).
 * A write that fails for another reason than a reader that stopped early goes to the program,
 * which says why in the user's language and exits 2 (nothing was written, so nothing is twice).
 */
function quickVersion() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || (args[0] !== '--version' && args[0] !== '-V')) return false;
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return false;
  }
  if (typeof version !== 'string') return false;
  // Written straight to the file descriptor: making process.stdout would load Node's stream
  // and socket modules for a few bytes.
  try {
    fs.writeSync(1, `${version}\n`);
  } catch (err) {
    // A reader that stopped early is no error; anything else is the program's to say.
    return err.code === 'EPIPE';
  }
  return true;
}

if (!quickVersion()) runMain();
