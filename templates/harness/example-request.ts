/**
 * Request params built from a fixture's example text (`MethodFixture.example`, wire text by
 * wire name). The runtime takes text for every kind (`"123"` for a Number, JSON text for a
 * struct) except `byte[]`, which needs file data: an example there becomes the bytes of its
 * text under a file name.
 */
import type { MethodFixture } from '../runtime/metadata.js';

export function exampleRequestParams(fixture: MethodFixture): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(fixture.example)) {
    const field = fixture.meta.request.find((f) => f.name === name);
    params[name] = field?.kind === 'file' ? { data: new TextEncoder().encode(text), filename: `${name}.bin` } : text;
  }
  return params;
}
