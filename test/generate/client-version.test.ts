/** The User-Agent's version is the package's: both come from spec/package.yaml. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stampClientVersion, type TemplateFile } from '../../generator/src/emit/copy-runtime.js';

const root = new URL('../..', import.meta.url);

describe('CLIENT_VERSION in the package', () => {
  it('equals the version of package.json and of spec/package.yaml', async () => {
    const pkg = JSON.parse(readFileSync(new URL('generated/package.json', root), 'utf8')) as { version: string };
    const identity = parse(readFileSync(new URL('spec/package.yaml', root), 'utf8')) as { version: string };
    const { CLIENT_VERSION } = (await import(new URL('generated/dist/esm/index.js', root).href)) as {
      CLIENT_VERSION: string;
    };
    expect(pkg.version).toBe(identity.version);
    expect(CLIENT_VERSION).toBe(pkg.version);
  });

  it('is stamped into runtime/version.ts only, and refuses a template without the placeholder', () => {
    const version: TemplateFile = {
      template: 'runtime/version.ts',
      path: 'src/runtime/version.ts',
      source: "export const CLIENT_VERSION: string = '0.0.0';\n",
    };
    const other: TemplateFile = {
      template: 'runtime/client.ts',
      path: 'src/runtime/client.ts',
      source: "const x = '0.0.0';\n",
    };
    expect(stampClientVersion([version, other], '1.2.3').map((t) => t.source)).toEqual([
      "export const CLIENT_VERSION: string = '1.2.3';\n",
      other.source,
    ]);
    expect(() => stampClientVersion([{ ...version, source: 'export const CLIENT_VERSION = 1;\n' }], '1.2.3')).toThrow(
      /no longer holds/,
    );
  });
});
