/**
 * A draft kept in this browser, only when the user asks for it: the answers file's text under one
 * key of localStorage, with the time it was kept. Forgetting it removes the key. Storage may be
 * refused (a private window, a browser that gives file:// pages none): then there is no draft.
 */
const KEY = 'tip-coord.draft';

export interface Draft {
  /** The answers file, as saved. */
  text: string;
  /** When it was last kept (ISO date and time). */
  at: string;
}

/** The browser's storage, when this page may use it (reaching it can throw for a file opened from disk). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(): Draft | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<Draft>;
    return typeof d.text === 'string' && typeof d.at === 'string' ? { text: d.text, at: d.at } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the draft; false when the browser refuses (no storage for this page, or it is full). */
export function keepDraft(text: string, now = new Date()): boolean {
  try {
    const s = storage();
    s?.setItem(KEY, JSON.stringify({ text, at: now.toISOString() }));
    return s !== undefined;
  } catch {
    return false;
  }
}

export function forgetDraft(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    /* nothing was kept */
  }
}
