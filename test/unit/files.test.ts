/** Safe files (issue 7): safe names, atomic writes, no overwrite without force, mode 0600. */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  FileExistsError,
  REPORT_FAMILY,
  safeSlug,
  writeFileAtomic,
  writeNewReport,
  writeNewReportSet,
  writeReportSet,
} from '../../src/cli/report-files.js';
import type { Checked } from '../../src/cli/gate.js';

/** These tests stand for the safety gate: the names they write under are theirs to choose. */
const checked = (s: string): Checked => s as Checked;

const DATE = '2026-11-29';

describe('safeSlug', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['Réponse à Goma', 'réponse-à-goma'],
    ['استجابة', 'استجابة'],
    ['  Cox’s Bazar: 2017–2018 ', 'cox-s-bazar-2017-2018'],
    ['..', 'response'],
    ['', 'response'],
    ['\u202Eevil\u0000name\n', 'evil-name'],
  ])('%j -> %j', (name, slug) => {
    expect(safeSlug(name)).toBe(slug);
  });

  it('keeps the combining marks of Arabic and Devanagari words whole', () => {
    expect(safeSlug('اِسْتِجَابَة طارئة')).toBe('اِسْتِجَابَة-طارئة'.normalize('NFC'));
    expect(safeSlug('प्रतिक्रिया योजना')).toBe('प्रतिक्रिया-योजना');
  });

  it('cuts a 300-character name to at most 60 characters and 150 bytes', () => {
    expect([...safeSlug('x'.repeat(300))]).toHaveLength(60);
    const wide = safeSlug('𠜎'.repeat(300)); // four bytes each in UTF-8
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(150);
    expect(wide.length).toBeGreaterThan(0);
  });

  it('any string gives a name that is one path segment, not hidden, without separators or control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const slug = safeSlug(name);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug).not.toMatch(/[/\\\0-\x1f\x7f.:*?"<>|]/);
        expect(slug.startsWith('-')).toBe(false);
        expect([...slug].length).toBeLessThanOrEqual(60);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(150);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('writeFileAtomic and writeNewReport', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tip-coord-files-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file readable and writable by the owner only (0600), whatever the umask', () => {
    const old = process.umask(0);
    try {
      const path = join(dir, 'a.md');
      writeFileAtomic(checked(path), 'text');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8')).toBe('text');
    } finally {
      process.umask(old);
    }
  });

  it('refuses to replace an existing file, which stays untouched, and leaves no temporary file', () => {
    const path = join(dir, 'a.md');
    writeFileSync(path, 'original');
    const ino = statSync(path).ino;
    expect(() => writeFileAtomic(checked(path), 'new')).toThrow(FileExistsError);
    expect(() => writeFileAtomic(checked(path), 'new')).toThrow(
      /already exists \(choose another --out or add --force\)/,
    );
    expect(readFileSync(path, 'utf8')).toBe('original');
    expect(statSync(path).ino).toBe(ino);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('with force, replaces the file in one step (a new file, mode 0600)', () => {
    const path = join(dir, 'a.json');
    writeFileSync(path, 'original', { mode: 0o644 });
    const ino = statSync(path).ino;
    writeFileAtomic(checked(path), 'new', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).ino).not.toBe(ino);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('does not follow a symbolic link planted at the target name', () => {
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    const link = join(dir, 'a.md');
    // A link to a file outside the report folder must be refused, not written through.
    symlinkSync(target, link);
    expect(() => writeFileAtomic(checked(link), 'new')).toThrow(/is not a regular file/);
    // Nor replaced with --force (issue 15).
    expect(() => writeFileAtomic(checked(link), 'new', { force: true })).toThrow(/is not a regular file/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('a failed write is a one-line UserError naming the path, and leaves nothing behind', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const path = join(blocker, 'sub', 'a.md');
    let error: unknown;
    try {
      writeFileAtomic(checked(path), 'text');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(join(blocker, 'sub'));
    expect((error as Error).message).toContain('(part of the path is not a folder)');
    expect((error as Error).message).not.toContain('\n');
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });

  it('writeNewReport never overwrites: -2, -3 for the same name, all inside the folder', () => {
    const paths = [1, 2, 3].map((i) => writeNewReport(checked(dir), DATE, checked('Goma'), 'md', `report ${i}`));
    expect(paths.map((p) => relative(dir, p))).toEqual([`${DATE}-goma.md`, `${DATE}-goma-2.md`, `${DATE}-goma-3.md`]);
    expect(paths.map((p) => readFileSync(p, 'utf8'))).toEqual(['report 1', 'report 2', 'report 3']);
  });

  it.each(['../../etc/passwd', 'a/b\\c', 'x'.repeat(300), 'Réponse à Goma', 'استجابة'])(
    'writeNewReport with the name %j writes one readable file inside the folder',
    (name) => {
      const out = join(dir, 'reports');
      const path = writeNewReport(checked(out), DATE, checked(name), 'md', 'text');
      expect(resolve(path).startsWith(`${resolve(out)}/`)).toBe(true);
      expect(readdirSync(out)).toEqual([relative(out, path)]);
      expect(readdirSync(dir)).toEqual(['reports']);
      expect(readFileSync(path, 'utf8')).toBe('text');
      // Readable: letters of the name survive in the file name.
      const letters = name
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}]/gu, '')
        .slice(0, 10);
      expect(relative(out, path).replace(/[^\p{L}]/gu, '')).toContain(letters);
    },
  );

  it('writeNewReport into a folder that cannot be made fails with one UserError and writes nothing', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'file'), '');
    expect(() =>
      writeNewReport(checked(join(dir, 'sub', 'file', 'reports')), DATE, checked('x'), 'md', 'text'),
    ).toThrow(UserError);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['file']);
  });

  describe('report sets: one run, one name for all of its files', () => {
    const set = (exts: string[], tag: string) => exts.map((ext) => ({ ext, content: `${tag} ${ext}` }));
    const names = (): string[] => readdirSync(dir).sort();

    it('a re-run numbers the whole set together, whichever formats either run wrote', () => {
      writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['answers.json', 'md', 'docx'], 'one'), {
        family: REPORT_FAMILY,
      });
      // Only html this time: its name is free, but the stem holds another run's files.
      const second = writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['answers.json', 'html'], 'two'), {
        family: REPORT_FAMILY,
      });
      expect(second.map((p) => relative(dir, p))).toEqual([`${DATE}-goma-2.answers.json`, `${DATE}-goma-2.html`]);
      expect(names()).toEqual(
        [
          `${DATE}-goma.answers.json`,
          `${DATE}-goma.md`,
          `${DATE}-goma.docx`,
          `${DATE}-goma-2.answers.json`,
          `${DATE}-goma-2.html`,
        ].sort(),
      );
    });

    it('with force, replaces the set at the first name and removes what the earlier run wrote and this one does not', () => {
      writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['answers.json', 'md', 'docx'], 'one'), {
        family: REPORT_FAMILY,
      });
      writeFileSync(join(dir, `${DATE}-goma.notes.txt`), 'not ours');
      writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['answers.json', 'md'], 'two'), {
        family: REPORT_FAMILY,
        force: true,
      });
      expect(names()).toEqual([`${DATE}-goma.answers.json`, `${DATE}-goma.md`, `${DATE}-goma.notes.txt`]);
      expect(readFileSync(join(dir, `${DATE}-goma.md`), 'utf8')).toBe('two md');
    });

    it('with force, never replaces a set this run wrote (two responses of one batch with one name)', () => {
      const taken = new Set<string>();
      const opts = { family: REPORT_FAMILY, force: true, taken };
      writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['md'], 'one'), opts);
      writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['md'], 'two'), opts);
      expect(names()).toEqual([`${DATE}-goma-2.md`, `${DATE}-goma.md`]);
    });

    it('a failure part-way leaves none of the set: the files written before it are removed', () => {
      // A folder where the third file should go: it cannot be written, even with force.
      mkdirSync(join(dir, `${DATE}-goma.html`));
      expect(() =>
        writeNewReportSet(checked(dir), DATE, checked('Goma'), set(['answers.json', 'md', 'html'], 'one'), {
          force: true,
        }),
      ).toThrow(UserError);
      expect(names()).toEqual([`${DATE}-goma.html`]);
    });

    it('contents made from the name the set gets (a report naming its answers file), made once the name is known', async () => {
      writeNewReport(checked(dir), DATE, checked('Goma'), 'md', 'taken');
      const paths = await writeReportSet(
        checked(dir),
        DATE,
        checked('Goma'),
        [
          { ext: 'answers.json', content: async () => '{}' },
          { ext: 'md', content: async (stem) => `see ${stem}.answers.json` },
        ],
        { family: REPORT_FAMILY },
      );
      expect(readFileSync(paths[1] ?? '', 'utf8')).toBe(`see ${DATE}-goma-2.answers.json`);
    });
  });
});
