/**
 * The system tools some tests drive: tmux (the interview in a real terminal), chromium and
 * pdftotext (the printed report), pyxform (the XLSForm). Without one, its tests skip and say why
 * on stderr, so that `npm test` passes on a fresh clone; in CI (CI=true) every one is required:
 * its tests run, and fail where the tool is missing.
 */
export function skipWithout(tool: string, available: boolean, where: string): boolean {
  if (available || process.env.CI === 'true') return false;
  process.stderr.write(
    `tip-coord tests: skipped, ${tool} not found (${where}; README, "Development"). CI=true makes it required.\n`,
  );
  return true;
}
