/**
 * The package as units of generation: each unit is the set of files one piece of input produces
 * (a method's IR → its module, fixture and test; the method names → the root, call and testing
 * entries; the README view → README.md; a template → its copy; …) with a key that hashes that
 * input. Emitters are loaded
 * only when a unit has to be generated again, so a regeneration where little changed loads
 * neither ts-morph nor prettier (see previous-build.ts).
 */
import type { IrMethod, IrPackageSummary } from '../ir/model.js';
import type { TemplateFile } from '../emit/copy-runtime.js';
import { paths } from '../emit/package-layout.js';
import { buildReadmeView } from '../emit/readme-view.js';
import type { PackageInputs } from './package-inputs.js';
import { inputKey } from './previous-build.js';

export interface UnitFile {
  path: string;
  source: string;
  /** Declaration printed by the emitter, when it prints one. */
  declaration?: string;
  /** What the file is generated from (the header of its dist files). */
  from: string;
  /** A hand-written template copied as it is: already prettier-clean, not formatted again. */
  verbatim?: boolean;
}

export interface PackageUnit {
  /** Hash of everything the unit's files are computed from. */
  key: string;
  /** The files the unit produces (before dist), known without emitting. */
  paths: string[];
  emit(): Promise<UnitFile[]>;
  /** A template copied as it is. */
  verbatim?: boolean;
}

const PACKAGE_SOURCES = 'spec/methods/*.yaml';

/** IR as key material: source positions are left out, they never reach the output. */
function irKey(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'source' ? undefined : v));
}

/** A method's unit: its module, fixture and test. */
export function methodUnit(m: IrMethod): PackageUnit {
  return {
    key: inputKey('method', irKey(m)),
    paths: [paths.method(m.names), paths.fixture(m.names), paths.test(m.names)],
    emit: async () => {
      const [{ emitRequestModule }, { emitFixtureModule }, { emitFixtureTest }] = await Promise.all([
        import('../emit/request-module.js'),
        import('../emit/fixture-module.js'),
        import('../emit/fixture-test.js'),
      ]);
      return [emitRequestModule(m), emitFixtureModule(m), emitFixtureTest(m)].map((f) => ({ ...f, from: m.specPath }));
    },
  };
}

/** The templates' units: each template copied as it is. */
export function templateUnits(templates: readonly TemplateFile[]): PackageUnit[] {
  return templates.map((t) => ({
    key: inputKey('template', t.path, t.source),
    paths: [t.path],
    verbatim: true,
    emit: async () => [{ path: t.path, source: t.source, from: `templates/${t.template}`, verbatim: true }],
  }));
}

/** The units of the package-wide files: entries, README, package.json, CHANGELOG, LICENSE, bin, tsconfig. */
export function packageUnits(ir: IrPackageSummary, inputs: PackageInputs): PackageUnit[] {
  const { identity, releases } = inputs;
  const readmeTemplate = inputs.templates.readme;
  const units: PackageUnit[] = [];
  // The entries depend on the method names only; the README on its own view of the IR.
  const names = irKey(ir.methods.map((m) => m.names));
  units.push({
    key: inputKey('index', names),
    paths: [paths.index],
    emit: async () => [
      {
        ...(await import('../emit/index-module.js')).emitIndexModule(ir),
        from: `${PACKAGE_SOURCES} and templates/runtime/index.ts`,
      },
    ],
  });
  units.push({
    key: inputKey('call', names),
    paths: [paths.call],
    emit: async () => [{ ...(await import('../emit/call-module.js')).emitCallModule(ir), from: PACKAGE_SOURCES }],
  });
  units.push({
    key: inputKey('testing', names),
    paths: [paths.testingIndex],
    emit: async () => [
      {
        ...(await import('../emit/testing-module.js')).emitTestingModule(ir),
        from: `${PACKAGE_SOURCES} and templates/testing/index.ts`,
      },
    ],
  });
  const view = buildReadmeView(ir, identity);
  units.push({
    key: inputKey('readme', readmeTemplate, irKey(view)),
    paths: [paths.readme],
    emit: async () => [
      { ...(await import('../emit/readme.js')).emitReadme(view, readmeTemplate), from: 'templates/readme.md.hbs' },
    ],
  });
  units.push({
    key: inputKey('package.json', irKey(identity)),
    paths: [paths.packageJson],
    emit: async () => [
      { ...(await import('../emit/package-json.js')).emitPackageJson(identity), from: 'spec/package.yaml' },
    ],
  });
  units.push({
    key: inputKey('changelog', inputs.templates.changelog, irKey(identity.name), irKey(releases)),
    paths: [paths.changelog],
    emit: async () => {
      const { buildChangelogView, emitChangelog } = await import('../emit/changelog.js');
      return [
        {
          ...emitChangelog(buildChangelogView(identity, releases), inputs.templates.changelog),
          from: 'spec/releases.yaml',
        },
      ];
    },
  });
  units.push({
    key: inputKey('license', inputs.templates.license, identity.copyright),
    paths: [paths.license],
    emit: async () => [
      {
        ...(await import('../emit/license.js')).emitLicense(identity, inputs.templates.license),
        from: 'spec/package.yaml',
      },
    ],
  });
  units.push({
    key: inputKey('mock-bin'),
    paths: [paths.mockBin],
    emit: async () => [
      { ...(await import('../emit/mock-bin.js')).emitMockBin(), from: 'generator/src/emit/mock-bin.ts' },
    ],
  });
  units.push({
    key: inputKey('tsconfig.json'),
    paths: [paths.tsconfig],
    emit: async () => [
      { ...(await import('../emit/tsconfig-json.js')).emitTsconfig(), from: 'generator/src/emit/tsconfig-json.ts' },
    ],
  });
  return units;
}
