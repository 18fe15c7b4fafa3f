/**
 * The spec as an OpenAPI 3.1 document, so that OpenAPI generators can be timed on the same API
 * (peer-bench.ts). Every method becomes `POST /<method name>` (TOP has one endpoint and names the
 * method in a parameter; one path per method keeps one operation per method): its params as an
 * `application/x-www-form-urlencoded` body (`multipart/form-data` when a param is `byte[]`),
 * with required params, limits, examples and the doc's descriptions; its answer as a JSON
 * object under the root key; its structs as component schemas (`<Method>_<Struct>`, structs
 * being scoped to their method). TOP types map as the client maps them (docs/generator.md):
 * Number → integer (int64), Price → string (decimal), Date → string, Json and Field List →
 * string, byte[] → binary string, `X[]` → array.
 */
import { nameMethod } from '../../generator/src/ir/names.js';
import { parseTopType } from '../../generator/src/vocabulary/top-types.js';
import { responseRootKey } from '../../generator/src/normalise/wrapper-keys.js';
import type { MethodSpec, SpecField } from '../../generator/src/spec/model.js';

type Schema = Record<string, unknown>;

const SCALAR: Record<string, Schema> = {
  String: { type: 'string' },
  Number: { type: 'integer', format: 'int64' },
  Boolean: { type: 'boolean' },
  Date: { type: 'string', description: 'yyyy-MM-dd HH:mm:ss' },
  Price: { type: 'string', format: 'decimal' },
  BigDecimal: { type: 'string', format: 'decimal' },
  Json: { type: 'string', contentMediaType: 'application/json' },
  'Field List': { type: 'string' },
  'byte[]': { type: 'string', format: 'binary' },
};

function fieldSchema(field: SpecField, structRef: (name: string) => string): Schema {
  const ref = parseTopType(field.type);
  const element: Schema = ref.scalar ? { ...SCALAR[ref.scalar] } : { $ref: structRef(ref.element) };
  const schema: Schema = ref.list ? { type: 'array', items: element } : element;
  if (field.description) schema['description'] = field.description;
  if (field.example !== undefined) schema['examples'] = [field.example];
  if (field.default !== undefined) schema['default'] = field.default;
  const limits = field.limits ?? {};
  if (limits.max_length !== undefined) schema['maxLength'] = limits.max_length;
  if (limits.max_list_size !== undefined && ref.list) schema['maxItems'] = limits.max_list_size;
  if (limits.min_value !== undefined) schema['minimum'] = limits.min_value;
  if (limits.max_value !== undefined) schema['maximum'] = limits.max_value;
  return schema;
}

function objectSchema(fields: readonly SpecField[], structRef: (name: string) => string): Schema {
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, structRef)])),
    ...(required.length ? { required } : {}),
  };
}

export function openApiDocument(specs: readonly MethodSpec[]): Schema {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, Schema> = {};
  for (const spec of [...specs].sort((a, b) => (a.method < b.method ? -1 : 1))) {
    const base = nameMethod(spec.method).base;
    const structRef = (name: string): string => `#/components/schemas/${base}_${name}`;
    for (const [name, fields] of Object.entries(spec.types ?? {}))
      schemas[`${base}_${name}`] = objectSchema(fields, structRef);
    const params = spec.request ?? [];
    const multipart = params.some((f) => parseTopType(f.type).scalar === 'byte[]');
    const response = {
      type: 'object',
      properties: { [responseRootKey(spec.method)]: objectSchema(spec.response ?? [], structRef) },
    };
    paths[`/${spec.method}`] = {
      post: {
        operationId: base,
        summary: spec.title ?? spec.method,
        ...(spec.description ? { description: spec.description } : {}),
        ...(params.length
          ? {
              requestBody: {
                required: params.some((f) => f.required),
                content: {
                  [multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded']: {
                    schema: objectSchema(params, structRef),
                  },
                },
              },
            }
          : {}),
        responses: {
          '200': { description: `${spec.method} answer`, content: { 'application/json': { schema: response } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Taobao Open Platform 淘宝客 APIs (from tbk-codegen spec/methods)', version: '0.0.0' },
    servers: [{ url: 'https://eco.taobao.com/router/rest' }],
    paths,
    components: { schemas },
  };
}
