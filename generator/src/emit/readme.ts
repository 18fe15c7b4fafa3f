/**
 * `README.md` of the package, from the logic-free handlebars template `templates/readme.md.hbs`
 * (style.md rule 5). Every value is prepared here, already escaped for markdown (line breaks,
 * emphasis, raw HTML), so the template only places text. The method index is a list, not a
 * table: prettier pads table columns to the longest cell, so one new long title would rewrite
 * every row of the diff.
 */
import Handlebars from 'handlebars';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IrMethod, IrPackage } from '../ir/model.js';
import { headerMarkdown } from './file-header.js';
import { printLiteral } from './literal.js';

/** Doc text as one line of markdown: line breaks folded, markup characters escaped. */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);
}

const AUTH: Record<IrMethod['auth'], string> = { none: 'no', optional: 'optional', required: 'required', unknown: 'unknown' };

/** The params of the README example: the fixture's required example params, typed. */
function exampleParams(m: IrMethod): string {
  const params: Record<string, unknown> = {};
  for (const field of m.meta.request) {
    const text = m.fixture.example[field.name];
    if (!field.required || text === undefined || field.kind === 'file') continue;
    if (field.kind === 'struct') params[field.name] = JSON.parse(text) as unknown;
    else if (field.kind === 'boolean') params[field.name] = text === 'true';
    else if (field.kind === 'number' && !field.list && Number.isSafeInteger(Number(text))) params[field.name] = Number(text);
    else params[field.name] = text;
  }
  return Object.keys(params).length ? printLiteral(params).replace(/\n\s*/g, ' ') : m.hasRequiredParams ? '{ /* params */ }' : '';
}

/** The example method: `taobao.tbk.uvid.encrypt` as in the docs when present, else the first. */
function exampleMethod(ir: IrPackage): IrMethod | undefined {
  return ir.methods.find((m) => m.names.method === 'taobao.tbk.uvid.encrypt') ?? ir.methods[0];
}

export async function emitReadme(ir: IrPackage, templatesDir: string): Promise<{ path: string; source: string }> {
  const template = Handlebars.compile(await readFile(join(templatesDir, 'readme.md.hbs'), 'utf8'), { noEscape: true, strict: true });
  const example = exampleMethod(ir);
  const text = template({
    header: headerMarkdown('spec/methods/*.yaml and templates/readme.md.hbs'),
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
  });
  return { path: 'README.md', source: text.replace(/\r\n/g, '\n') };
}
