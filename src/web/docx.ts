import type { Docx } from '../render/docx.js';
import { WEB_DOCX_ID } from '../render/web-page.js';

/**
 * The docx library, from the inert script the page carries (id WEB_DOCX_ID): run once, on the
 * first Word report. The page's Content-Security-Policy allows that script by its hash.
 */
export function loadDocx(): Promise<Docx> {
  const held = globalThis as { tipCoordDocx?: Docx };
  if (!held.tipCoordDocx) {
    const script = document.createElement('script');
    script.textContent = document.getElementById(WEB_DOCX_ID)?.textContent ?? '';
    document.head.append(script);
    script.remove();
  }
  return held.tipCoordDocx
    ? Promise.resolve(held.tipCoordDocx)
    : Promise.reject(new Error('The Word writer could not be started in this page.'));
}
