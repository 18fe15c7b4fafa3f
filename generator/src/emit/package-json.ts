/**
 * `package.json` of tbk-client: ESM first (`type: module`), CommonJS beside it, types for both
 * conditions (each `dist/<flavour>/*.d.ts` sits next to its JS, so TypeScript reads them in
 * the right module format), and `sideEffects: false` so bundlers drop the methods a program
 * does not import. Entries: `.`, `./call`, `./testing`, `./redis` (the Redis flow-control store,
 * for which `redis` is an optional peer dependency), and `./methods/<stem>` deep imports; the
 * `tbk-mock` bin. Name, version, description, license and links come from the package
 * identity (`spec/package.yaml`). Only what a consumer loads is packed: `dist/` without the
 * fixtures' declarations (no entry exposes them; the testing entry loads their JavaScript),
 * the bin, README, CHANGELOG and LICENSE; MANIFEST.json, sources and tests stay in the repository.
 */
import type { PackageIdentity } from '../spec/package-identity.js';
import { headerText, JSON_HEADER_KEY } from './file-header.js';
import { paths } from './package-layout.js';
import { printJson } from '../print/print-json.js';

function conditions(stem: string): object {
  return {
    import: { types: `./dist/esm/${stem}.d.ts`, default: `./dist/esm/${stem}.js` },
    require: { types: `./dist/cjs/${stem}.d.ts`, default: `./dist/cjs/${stem}.js` },
  };
}

/** The package's identity fields, in npm's usual order; absent ones left out. */
function identityFields(id: PackageIdentity): Record<string, unknown> {
  return {
    name: id.name,
    version: id.version,
    description: id.description,
    ...(id.keywords?.length ? { keywords: id.keywords } : {}),
    ...(id.homepage ? { homepage: id.homepage } : {}),
    ...(id.bugs ? { bugs: { url: id.bugs } } : {}),
    ...(id.repository ? { repository: { type: 'git', ...id.repository } } : {}),
    license: id.license,
    ...(id.author ? { author: id.author } : {}),
  };
}

export function emitPackageJson(identity: PackageIdentity): { path: string; source: string } {
  const pkg = {
    [JSON_HEADER_KEY]: headerText('spec/package.yaml and generator/src/emit/package-json.ts'),
    ...identityFields(identity),
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.18.1' },
    bin: { 'tbk-mock': paths.mockBin },
    main: './dist/cjs/index.js',
    types: './dist/cjs/index.d.ts',
    exports: {
      '.': conditions('index'),
      './call': conditions('call'),
      './testing': conditions('testing/index'),
      './redis': conditions('redis/index'),
      './methods/*': conditions('methods/*'),
      './package.json': './package.json',
    },
    typesVersions: {
      '*': {
        call: ['./dist/cjs/call.d.ts'],
        testing: ['./dist/cjs/testing/index.d.ts'],
        redis: ['./dist/cjs/redis/index.d.ts'],
        'methods/*': ['./dist/cjs/methods/*.d.ts'],
      },
    },
    peerDependencies: { redis: '^5.0.0' },
    peerDependenciesMeta: { redis: { optional: true } },
    files: ['dist', '!dist/*/fixtures/*.d.ts', paths.mockBin, paths.readme, paths.changelog, paths.license],
  };
  return { path: 'package.json', source: printJson(pkg) };
}
