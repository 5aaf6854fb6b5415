/**
 * The one safety gate: every name or path that can reach a file the tool writes, its name or its
 * text (a response's name, --out, --save-answers, a rule set's name and folder, a batch's file
 * names and name cells), passes here, for every command and format. Personal data (an e-mail
 * address, a phone number) stops the run before anything is written, unless the user says it is
 * none (--allow-personal-data); a control character in a path stops it always (it would land raw
 * in a folder listing). Names keep theirs: they are escaped wherever they are written.
 *
 * What passed is typed `Checked`, and report-files writes only under checked names and paths:
 * a command that forgot the gate does not compile.
 */
import { UserError } from '../core/errors.js';
import { message } from '../core/messages.js';
import { findPersonalData, personalDataProblem, type PersonalDataFound } from '../core/personal-data.js';
import { hasControls, quoted } from '../core/sanitize.js';
import type { RuleBase } from '../core/types.js';
import { join } from 'node:path';
import { ruleSetFolder } from '../rules/folder.js';

declare const CHECKED: unique symbol;
/** A name or path that passed the gate. */
export type Checked = string & { readonly [CHECKED]: true };

export interface GateOptions {
  /** The user said the names are not personal data: only control characters in paths stop the run. */
  allowPersonalData?: boolean;
}

export interface Gate {
  /** A name that reaches a report (its text, and slugged its file name); `field` says where it came from. */
  name(text: string, field: string): Checked;
  /** The same for a name that may be absent. */
  maybeName(text: string | undefined, field: string): Checked | undefined;
  /** A path the user gave for a file or folder the tool writes (`option`: --out, --save-answers...). */
  path(path: string, option: string): Checked;
  /** Why a name typed in the interview is refused (asked again), or undefined when it may be used. */
  typedName(text: string): string | undefined;
  /** A name that must not stop the run (a batch's file name or name cell): checked, or what it holds, to skip or relabel it. */
  sift(text: string): { name: Checked } | { found: PersonalDataFound };
  /**
   * The rule set's name (and the one it was copied from), printed in every report's stamp, a
   * batch's summary, the rule documentation and the form; and its --rules folder, printed in the
   * stamp and the summary (`folder`, by default).
   */
  ruleSet(opts?: { folder?: boolean; cwd?: string }): void;
}

/** The gate of a run, worded by its rule base. */
export function gateFor(rules: RuleBase, opts: GateOptions = {}): Gate {
  const allowed = Boolean(opts.allowPersonalData);
  const name = (text: string, field: string): Checked => {
    const problem = allowed ? undefined : personalDataProblem(rules, text, field);
    if (problem) throw new UserError(problem);
    return text as Checked;
  };
  return {
    name,
    maybeName: (text, field) => (text === undefined ? undefined : name(text, field)),
    path(path, option) {
      if (hasControls(path)) throw new UserError(message(rules, 'error.path.controls', { option, path: quoted(path) }));
      return name(path, option);
    },
    typedName: (text) => (allowed ? undefined : personalDataProblem(rules, text)),
    sift(text) {
      const found = allowed ? undefined : findPersonalData(text);
      return found ? { found } : { name: text as Checked };
    },
    ruleSet({ folder: withFolder = true, cwd = process.cwd() } = {}) {
      if (allowed) return;
      name(rules.name, `ruleset.json: "name"`);
      if (rules.basedOn) name(rules.basedOn.name, `ruleset.json: "basedOn.name"`);
      if (!withFolder) return;
      const folder = ruleSetFolder(rules.dir, cwd);
      const found = folder === null ? undefined : findPersonalData(folder);
      if (found)
        throw new UserError(
          message(rules, 'batch.folderPersonal', {
            kind: message(rules, `personalData.${found.kind}`),
            text: found.text,
          }),
        );
    },
  };
}

/**
 * What a path, a file name or a label that is shown in a file holds, checked whatever the user
 * allowed: a folder named after a person is never printed in a summary.
 */
export function personalDataIn(text: string): PersonalDataFound | undefined {
  return findPersonalData(text);
}

/**
 * A file the tool names itself (a built-in rule file; a report's name made of a date, a checked
 * name's slug and an extension) inside a checked folder: every part was checked or is the tool's own.
 */
export function within(dir: Checked, ...parts: string[]): Checked {
  return join(dir, ...parts) as Checked;
}

/** A name the tool makes itself ("row-3", "file 2"), never from the user or a file. */
export function ownName(text: string): Checked {
  return text as Checked;
}
