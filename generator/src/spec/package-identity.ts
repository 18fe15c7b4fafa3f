/**
 * `spec/package.yaml`: who the generated package is — npm name, version, description, license
 * and copyright holder, author, repository, homepage, bugs, docs and keywords. Hand-edited (a
 * fork renames its package here); `tbk-gen release` rewrites `version` only. The generator
 * builds `generated/package.json`, `LICENSE` and the README's links from it, so `check`
 * compares the package with what this file says. A spec folder without the file (test specs,
 * goldens) gets DEFAULT_IDENTITY. Problems are TBK500–TBK505 at the offending key.
 */
import { readOptionalFile } from './read-optional-file.js';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';
import { parseVersion } from './package-version.js';
import { SpecCode } from './spec-codes.js';

export const IDENTITY_FILE = 'package.yaml';

export interface PackageIdentity {
  name: string;
  version: string;
  description: string;
  /** SPDX id; the LICENSE text comes from `templates/licenses/<license>.txt.hbs`. */
  license: string;
  /** The holder line of the license: `2026 tbk-codegen`. */
  copyright: string;
  author?: string;
  repository?: { url: string; directory?: string };
  homepage?: string;
  bugs?: string;
  /** Where the project's docs/ folder can be read: the base of the README's doc links. */
  docs?: string;
  keywords?: string[];
}

/** The identity of a spec folder that has no package.yaml. */
export const DEFAULT_IDENTITY: PackageIdentity = {
  name: 'tbk-client',
  version: '0.0.0',
  description: 'Typed client for the Taobao Open Platform 淘宝客 (taobao.tbk.*) APIs',
  license: 'MIT',
  copyright: 'tbk-codegen',
};

/** Licenses whose text templates/licenses/ holds. */
export const LICENSE_TEXTS = ['MIT'];

const URL_KEYS = ['homepage', 'bugs', 'docs'] as const;
const TEXT_KEYS = ['name', 'version', 'description', 'license', 'copyright', 'author'] as const;
const REQUIRED = ['name', 'version', 'description', 'license', 'copyright'] as const;
const KNOWN = new Set<string>([...TEXT_KEYS, ...URL_KEYS, 'repository', 'keywords']);

/** npm's rules for a new package name: lowercase, URL-safe, at most 214 characters, optional scope. */
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const WEB_URL = /^https?:\/\/[^\s/]+\S*$/;
const REPOSITORY_URL = /^(?:git\+)?(?:https?|ssh|git):\/\/[^\s/]+\S*$/;

export interface IdentityRead {
  identity: PackageIdentity;
  /** The file read; undefined when the folder has none. */
  file?: string;
  /** Its text, for the release command, which rewrites `version` in place. */
  text?: string;
  diagnostics: Diagnostic[];
}

export async function readPackageIdentity(specDir: string): Promise<IdentityRead> {
  const file = join(specDir, IDENTITY_FILE);
  const read = await readOptionalFile(file);
  if ('absent' in read) return { identity: DEFAULT_IDENTITY, diagnostics: [] };
  if ('error' in read) return { identity: DEFAULT_IDENTITY, file, diagnostics: [read.error] };
  return { ...parsePackageIdentity(file, read.text), file, text: read.text };
}

/** Parse and check an identity file; the identity is DEFAULT_IDENTITY's values where it is wrong. */
export function parsePackageIdentity(
  file: string,
  text: string,
): { identity: PackageIdentity; diagnostics: Diagnostic[] } {
  const parsed = parseYamlWithPositions(file, text);
  const diagnostics = [...parsed.diagnostics];
  if (diagnostics.length) return { identity: DEFAULT_IDENTITY, diagnostics };
  const fail = (node: Node | undefined, code: string, message: string): void => {
    const at = parsed.positionOf(node);
    diagnostics.push({ file, line: at.line, column: at.column, level: 'error', code, message });
  };
  const root = parsed.document.contents;
  if (!isMap(root)) {
    fail(
      undefined,
      SpecCode.identityInvalid,
      'the package identity is a map: name, version, description, license, copyright, …',
    );
    return { identity: DEFAULT_IDENTITY, diagnostics };
  }
  const identity = readFields(root, fail);
  return { identity: diagnostics.length ? DEFAULT_IDENTITY : identity, diagnostics };
}

type Fail = (node: Node | undefined, code: string, message: string) => void;

function readFields(root: YAMLMap, fail: Fail): PackageIdentity {
  const out: Record<string, unknown> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KNOWN.has(key))
      fail(pair.key as Node, SpecCode.unknownKey, `unknown key "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const node = (key: string): Node | undefined => root.get(key, true);
  for (const key of REQUIRED) if (!root.has(key)) fail(root, SpecCode.identityInvalid, `missing \`${key}\``);
  for (const key of [...TEXT_KEYS, ...URL_KEYS]) {
    const n = node(key);
    if (n === undefined) continue;
    if (key === 'version' && isScalar(n) && typeof n.value === 'number') {
      // `version: 1.2` reads as a number in YAML: still a version the user got wrong.
      fail(n, SpecCode.badVersion, `"${n.source ?? String(n.value)}" is not a version MAJOR.MINOR.PATCH (e.g. 0.1.0)`);
    } else if (!isScalar(n) || typeof n.value !== 'string' || !n.value.trim())
      fail(n, SpecCode.identityInvalid, `\`${key}\` is a non-empty text`);
    else out[key] = n.value.trim();
  }
  const name = out['name'];
  if (typeof name === 'string' && (!NPM_NAME.test(name) || name.length > 214)) {
    fail(
      node('name'),
      SpecCode.badPackageName,
      `"${name}" is not an npm package name (lowercase letters, digits, - . _ ~, an optional @scope/, at most 214 characters)`,
    );
  }
  const version = out['version'];
  if (typeof version === 'string' && !parseVersion(version))
    fail(node('version'), SpecCode.badVersion, `"${version}" is not a version MAJOR.MINOR.PATCH (e.g. 0.1.0)`);
  const license = out['license'];
  if (typeof license === 'string' && !LICENSE_TEXTS.includes(license)) {
    fail(
      node('license'),
      SpecCode.noLicenseText,
      `no license text for "${license}": templates/licenses/ has ${LICENSE_TEXTS.join(', ')} (add <SPDX id>.txt.hbs there for another)`,
    );
  }
  for (const key of URL_KEYS) {
    const url = out[key];
    if (typeof url === 'string' && !WEB_URL.test(url))
      fail(node(key), SpecCode.badUrl, `\`${key}\` is an http(s) URL (got "${url}")`);
  }
  const repository = readRepository(node('repository'), fail);
  if (repository) out['repository'] = repository;
  const keywords = node('keywords');
  if (keywords !== undefined) {
    const list = isSeq(keywords)
      ? keywords.items.map((k) => (isScalar(k) && typeof k.value === 'string' ? k.value : undefined))
      : [undefined];
    if (list.some((k) => !k)) fail(keywords, SpecCode.identityInvalid, '`keywords` is a list of texts');
    else out['keywords'] = list;
  }
  return out as unknown as PackageIdentity;
}

function readRepository(n: Node | undefined, fail: Fail): PackageIdentity['repository'] | undefined {
  if (n === undefined) return undefined;
  const value = isMap(n) ? (n.toJSON() as Record<string, unknown>) : isScalar(n) ? { url: n.value } : {};
  if (isMap(n)) {
    for (const key of Object.keys(value))
      if (key !== 'url' && key !== 'directory')
        fail(n.get(key, true), SpecCode.unknownKey, `unknown key "${key}" in \`repository\` (url, directory)`);
  }
  if (typeof value['url'] !== 'string' || !REPOSITORY_URL.test(value['url'])) {
    fail(
      isMap(n) ? (n.get('url', true) ?? n) : n,
      SpecCode.badUrl,
      '`repository` is a git URL (git+https://host/owner/repo.git), or { url, directory }',
    );
    return undefined;
  }
  if (value['directory'] !== undefined && (typeof value['directory'] !== 'string' || !value['directory'])) {
    fail(
      n,
      SpecCode.identityInvalid,
      '`repository.directory` is the package folder inside the repository, e.g. generated',
    );
    return undefined;
  }
  return { url: value['url'], ...(typeof value['directory'] === 'string' ? { directory: value['directory'] } : {}) };
}
