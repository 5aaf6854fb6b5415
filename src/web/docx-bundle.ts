/**
 * The docx library for the page, built apart (vite.web.config.ts, mode "docx") into
 * dist/web/docx.js: the page carries it as inert text and runs it only when a Word report is
 * asked for (src/web/docx.ts), so that opening the page does not compile it.
 */
import * as docx from 'docx';

(globalThis as { tipCoordDocx?: typeof docx }).tipCoordDocx = docx;
