/**
 * The data of the package README (templates/readme.md.hbs), computed from the IR: every value
 * already escaped for markdown (line breaks, emphasis, raw HTML), so the template only places
 * text. Plain data: it is also what decides whether the README must be generated again.
 */
import type { IrMethodSummary, IrPackageSummary } from '../ir/model.js';
import type { PackageIdentity } from '../spec/package-identity.js';
import { headerMarkdown } from './file-header.js';
import { printLiteral } from '../print/literal.js';

/** Doc text as one line of markdown: line breaks folded, markup characters escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);
}

const AUTH: Record<IrMethodSummary['auth'], string> = {
  none: 'no',
  optional: 'optional',
  required: 'required',
  unknown: 'unknown',
};

/** The params of the README example: the fixture's required example params, typed. */
function exampleParams(m: IrMethodSummary): string {
  const params: Record<string, unknown> = {};
  for (const field of m.meta.request) {
    const text = m.fixture.example[field.name];
    if (!field.required || text === undefined || field.kind === 'file') continue;
    if (field.kind === 'struct') params[field.name] = JSON.parse(text) as unknown;
    else if (field.kind === 'boolean') params[field.name] = text === 'true';
    else if (field.kind === 'number' && !field.list && Number.isSafeInteger(Number(text)))
      params[field.name] = Number(text);
    else params[field.name] = text;
  }
  return Object.keys(params).length
    ? printLiteral(params).replace(/\n\s*/g, ' ')
    : m.hasRequiredParams
      ? '{ /* params */ }'
      : '';
}

/** The example method: `taobao.tbk.uvid.encrypt` as in the docs when present, else the first. */
function exampleMethod(ir: IrPackageSummary): IrMethodSummary | undefined {
  return ir.methods.find((m) => m.names.method === 'taobao.tbk.uvid.encrypt') ?? ir.methods[0];
}

/** The README template, under templates/. */
export const README_TEMPLATE = 'readme.md.hbs';

/** The project docs the README links to, by file under the identity's `docs` URL. */
const DOC_LINKS = [
  { file: 'runtime.md', label: 'Client: options, signing, retries, errors, logging' },
  { file: 'mock-gateway.md', label: 'Mock gateway: options, faults, what it checks' },
  { file: 'generator.md', label: 'Package layout and generated names' },
];

/** Links of the README's last section: docs, changelog, repository, issues (those the identity has). */
function readmeLinks(identity: PackageIdentity): { label: string; url: string }[] {
  const docs = identity.docs?.replace(/\/+$/, '');
  return [
    ...(docs ? DOC_LINKS.map((d) => ({ label: d.label, url: `${docs}/${d.file}` })) : []),
    { label: 'Changelog', url: 'CHANGELOG.md' },
    ...(identity.homepage ? [{ label: 'Project home', url: identity.homepage }] : []),
    ...(identity.bugs ? [{ label: 'Issues', url: identity.bugs }] : []),
  ];
}

export interface ReadmeView {
  header: string;
  packageName: string;
  description: string;
  links: { label: string; url: string }[];
  methodCount: string;
  exampleClass: string;
  exampleParams: string;
  exampleOptions: string;
  exampleNamespace: string;
  exampleStem: string;
  exampleMethod: string;
  methods: { method: string; title: string; auth: string; summary: string }[];
}

export function buildReadmeView(ir: IrPackageSummary, identity: PackageIdentity): ReadmeView {
  const example = exampleMethod(ir);
  return {
    header: headerMarkdown('spec/methods/*.yaml, spec/package.yaml and templates/readme.md.hbs'),
    packageName: identity.name,
    description: markdownText(identity.description),
    links: readmeLinks(identity),
    methodCount: String(ir.methods.length),
    exampleClass: example?.names.requestClass ?? 'TbkUvidEncryptRequest',
    exampleParams: example ? exampleParams(example) : '',
    exampleOptions: example?.auth === 'required' ? ', { session }' : '',
    exampleNamespace: example?.names.base ?? 'TbkUvidEncrypt',
    exampleStem: example?.names.fileStem ?? 'tbk-uvid-encrypt',
    exampleMethod: example?.names.method ?? 'taobao.tbk.uvid.encrypt',
    methods: ir.methods.map((m) => ({
      method: m.docUrl ? `[\`${m.names.method}\`](${m.docUrl})` : `\`${m.names.method}\``,
      title: markdownText(m.title ?? '(no title)'),
      auth: AUTH[m.auth],
      summary: m.summary ? ` — ${markdownText(m.summary)}` : '',
    })),
  };
}
