/**
 * The hand-written parts of the package, copied from templates/ (docs/design.md "The generated
 * package": the runtime is copied verbatim): `templates/runtime/*.ts` → `src/runtime/`,
 * `templates/testing/*.ts` → `src/testing/`, `templates/redis/*.ts` → `src/redis/`,
 * `templates/harness/*.ts` → `test/harness/`. Unit tests (`*.test.ts`) stay behind. Each copy
 * gains the generated-file header; two things change besides:
 *  - the testing template's `index.ts` becomes `gateway-exports.ts`, because the generated
 *    `src/testing/index.ts` wraps it with the package's fixtures;
 *  - the harness imports `../runtime/…` and `../testing/…` as siblings in templates/, which are
 *    `../../src/runtime/…` and `../../src/testing/…` from `test/harness/` in the package.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerComment } from './file-header.js';
import { paths, TESTING_TEMPLATE_INDEX } from './package-layout.js';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

export interface TemplateFile {
  /** Path under templates/, e.g. `runtime/client.ts`. */
  template: string;
  /** Path in the package, e.g. `src/runtime/client.ts`. */
  path: string;
  source: string;
}

const FOLDERS = [
  { folder: 'runtime', target: paths.runtimeDir },
  { folder: 'testing', target: paths.testingDir },
  { folder: 'redis', target: paths.redisDir },
  { folder: 'harness', target: paths.harnessDir },
] as const;

async function listTs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && !n.endsWith('.d.ts'))
      .sort();
  } catch {
    return [];
  }
}

function rewriteHarnessImports(text: string): string {
  return text.replace(
    /(from\s+|import\s*\(\s*)(['"])\.\.\/(runtime|testing)\//g,
    (_m, lead: string, quote: string, folder: string) => `${lead}${quote}../../src/${folder}/`,
  );
}

/** Reads every template file and gives its package path and text (header added). */
export async function readTemplateFiles(templatesDir = DEFAULT_TEMPLATES_DIR): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  for (const { folder, target } of FOLDERS) {
    for (const name of await listTs(join(templatesDir, folder))) {
      const template = `${folder}/${name}`;
      let text = (await readFile(join(templatesDir, folder, name), 'utf8')).replace(/\r\n/g, '\n');
      if (folder === 'harness') text = rewriteHarnessImports(text);
      const targetName = folder === 'testing' && name === 'index.ts' ? TESTING_TEMPLATE_INDEX : name;
      files.push({
        template,
        path: `${target}/${targetName}`,
        source: `${headerComment(`templates/${template}`)}\n${text}`,
      });
    }
  }
  return files;
}

const VERSION_TEMPLATE = 'runtime/version.ts';
const VERSION_PLACEHOLDER = "export const CLIENT_VERSION: string = '0.0.0';";

/**
 * The template copies with the package's version written into `runtime/version.ts` (the
 * client's User-Agent), so the runtime reports the version package.json gives.
 */
export function stampClientVersion(templates: readonly TemplateFile[], version: string): TemplateFile[] {
  return templates.map((t) => {
    if (t.template !== VERSION_TEMPLATE) return t;
    if (!t.source.includes(VERSION_PLACEHOLDER))
      throw new Error(`templates/${VERSION_TEMPLATE} no longer holds \`${VERSION_PLACEHOLDER}\``);
    return {
      ...t,
      source: t.source.replace(
        VERSION_PLACEHOLDER,
        `export const CLIENT_VERSION: string = ${JSON.stringify(version).replace(/"/g, "'")};`,
      ),
    };
  });
}
