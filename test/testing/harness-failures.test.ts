// The harness must fail a method whose doc data is wrong: it is run here, in a nested vitest,
// on fixtures with a missing required example, disagreeing samples and a mistyped field.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(repoRoot, 'test/tmp', `harness-failures-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtureSource = (harness: string, requestClass: string, kinds: string) => `
import { testMethod } from ${JSON.stringify(harness)};
import { requestClassOf } from ${JSON.stringify(requestClass)};
import { kindsFixture } from ${JSON.stringify(kinds)};
// Missing a required example value: the request cannot even be sent.
const noExample = { ...kindsFixture.meta, method: 'taobao.tbk.no.example' };
testMethod({ ...kindsFixture, meta: noExample, example: { fields: 'num_iid' } }, requestClassOf(noExample));
// Samples that disagree with each other and with the declarations.
const wrongSamples = {
  ...kindsFixture.meta,
  method: 'taobao.tbk.wrong.samples',
  response: [...kindsFixture.meta.response, { name: 'biz_error_desc', kind: 'boolean' }],
};
testMethod(
  {
    meta: wrongSamples,
    example: kindsFixture.example,
    samples: {
      json: '{"tbk_kinds_get_response":{"total_results":2,"biz_error_desc":"无权限"}}',
      xml: '<tbk_kinds_get_response><total_results>3</total_results></tbk_kinds_get_response>',
    },
    acceptedMismatches: [{ path: 'response.is_ok', reason: 'stale' }],
  },
  requestClassOf(wrongSamples),
);
`;

it('fails the tests a wrong fixture breaks, and only those', async () => {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'wrong.check.ts');
  const rel = (p: string) => path.relative(dir, path.join(repoRoot, p)).replaceAll(path.sep, '/');
  writeFileSync(
    file,
    fixtureSource(
      rel('templates/harness/method-fixture.js'),
      rel('test/testing/fixtures/request-class.js'),
      rel('test/testing/fixtures/kinds-fixture.js'),
    ),
  );
  const vitest = await startVitest('test', [], {
    root: repoRoot,
    config: false,
    include: [path.relative(repoRoot, file).replaceAll(path.sep, '/')],
    watch: false,
    reporters: [{}],
    pool: 'threads',
  });
  const results: Record<string, { state: string | undefined; errors: string }> = {};
  for (const suite of vitest.state.getFiles().flatMap((f) => f.tasks)) {
    for (const task of 'tasks' in suite ? suite.tasks : []) {
      const key = `${suite.name} ${task.name.split(' ').slice(0, 2).join(' ')}`;
      results[key] = {
        state: task.result?.state,
        errors: (task.result?.errors ?? []).map((e) => e.message).join('\n'),
      };
    }
  }
  await vitest.close();
  // The nested run failed on purpose; its exit code is not this test's.
  process.exitCode = 0;
  const states = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.state]));
  expect(states).toEqual({
    'taobao.tbk.no.example sends the': 'fail',
    'taobao.tbk.no.example decodes the': 'fail',
    'taobao.tbk.no.example turns the': 'fail',
    'taobao.tbk.no.example declares every': 'pass',
    'taobao.tbk.wrong.samples sends the': 'pass',
    'taobao.tbk.wrong.samples decodes the': 'fail',
    'taobao.tbk.wrong.samples turns the': 'pass',
    'taobao.tbk.wrong.samples declares every': 'fail',
  });
  expect(results['taobao.tbk.no.example sends the']!.errors).toMatch(/adzone_id: required param is missing/);
  expect(results['taobao.tbk.wrong.samples decodes the']!.errors).toMatch(/xml sample against the json sample/);
  expect(results['taobao.tbk.wrong.samples declares every']!.errors).toMatch(
    /sample values the metadata does not declare or types otherwise/,
  );
});
