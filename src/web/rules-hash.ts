import type { WebData } from '../render/web-page.js';
import { hashInput } from '../rules/rulebase.js';

/**
 * The rule base's hash by the browser's own SHA-256 (fast, native), before the page parses the
 * rules; undefined where the browser offers none, and the parser computes it in JavaScript.
 */
export async function rulesHash(files: WebData['files']): Promise<string | undefined> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(hashInput(files)));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}
