import { beforeAll, describe, expect, it } from 'vitest';
import { generatedFiles, staleFiles } from '../../scripts/generate.js';

// Generated files are made by `npm run gen`, never by a test: here they are only compared.
describe('generated files', () => {
  let files: Awaited<ReturnType<typeof generatedFiles>>;
  beforeAll(async () => {
    files = await generatedFiles();
  });

  it('are what their sources make now (run npm run gen after changing a source)', async () => {
    expect(await staleFiles(files)).toEqual([]);
  });

  it('include the schemas, the message keys and the example export', () => {
    const names = [...files.keys()];
    expect(names).toContain('src/core/message-keys.ts');
    expect(names).toContain('schemas/answers.v2.schema.json');
    expect(names).toContain('examples/kobo-export.xlsx');
  });
});
