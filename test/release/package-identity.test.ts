/**
 * spec/package.yaml: the committed file is valid and makes generated/package.json; a bad file
 * gives compiler-style errors at the offending key (docs/diagnostics.md, TBK500–TBK505).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';
import { parsePackageIdentity, readPackageIdentity } from '../../generator/src/spec/package-identity.js';
import { REPO_ROOT } from '../generate/golden-specs.js';

const GOOD = `name: tbk-client
version: 1.2.3
description: A client
license: MIT
copyright: 2026 tbk-codegen
repository:
  url: git+https://example.com/owner/repo.git
  directory: generated
homepage: https://example.com/owner/repo
`;

const errors = (text: string) => parsePackageIdentity('spec/package.yaml', text).diagnostics.map(formatDiagnostic);

describe('package identity', () => {
  it('is read from the committed spec/package.yaml, and generated/package.json says the same', async () => {
    const read = await readPackageIdentity(join(REPO_ROOT, 'spec'));
    expect(read.diagnostics).toEqual([]);
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'generated/package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const id = read.identity;
    expect(pkg).toMatchObject({
      name: id.name,
      version: id.version,
      description: id.description,
      license: id.license,
      homepage: id.homepage,
      bugs: { url: id.bugs },
    });
    expect(pkg['repository']).toEqual({ type: 'git', ...id.repository });
    expect(id.license).toBe('MIT');
  });

  it('parses a good file', () => {
    const { identity, diagnostics } = parsePackageIdentity('spec/package.yaml', GOOD);
    expect(diagnostics).toEqual([]);
    expect(identity).toEqual({
      name: 'tbk-client',
      version: '1.2.3',
      description: 'A client',
      license: 'MIT',
      copyright: '2026 tbk-codegen',
      repository: { url: 'git+https://example.com/owner/repo.git', directory: 'generated' },
      homepage: 'https://example.com/owner/repo',
    });
  });

  it.each([
    [
      'a bad npm name',
      GOOD.replace('name: tbk-client', 'name: TBK Client'),
      'spec/package.yaml:1:7: error TBK501 "TBK Client" is not an npm package name',
    ],
    [
      'a version that is not MAJOR.MINOR.PATCH',
      GOOD.replace('1.2.3', '1.2'),
      'spec/package.yaml:2:10: error TBK502 "1.2" is not a version MAJOR.MINOR.PATCH',
    ],
    ['a pre-release version', GOOD.replace('1.2.3', '1.2.3-beta.1'), 'spec/package.yaml:2:10: error TBK502'],
    ['an unknown key', `${GOOD}licence: MIT\n`, 'spec/package.yaml:10:1: error TBK503 unknown key "licence"'],
    [
      'a missing key',
      GOOD.replace('description: A client\n', ''),
      'spec/package.yaml:1:1: error TBK500 missing `description`',
    ],
    [
      'a license without a text',
      GOOD.replace('license: MIT', 'license: GPL-3.0-only'),
      'spec/package.yaml:4:10: error TBK504 no license text for "GPL-3.0-only"',
    ],
    [
      'a homepage that is no URL',
      GOOD.replace('homepage: https://example.com/owner/repo', 'homepage: example.com'),
      'spec/package.yaml:9:11: error TBK505 `homepage` is an http(s) URL',
    ],
    [
      'a repository that is no git URL',
      GOOD.replace('git+https://example.com/owner/repo.git', 'owner/repo'),
      'spec/package.yaml:7:8: error TBK505 `repository` is a git URL',
    ],
    [
      'a number as description',
      GOOD.replace('description: A client', 'description: 42'),
      'spec/package.yaml:3:14: error TBK500 `description` is a non-empty text',
    ],
    ['invalid YAML', GOOD.replace('license: MIT', 'license: [MIT'), 'spec/package.yaml:5:1: error TBK200 invalid YAML'],
  ])('reports %s at its key', (_what, text, expected) => {
    const found = errors(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.startsWith(expected)).toBe(true);
  });
});
