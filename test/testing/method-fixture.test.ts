// The harness run on hand-written fixtures, as a generated method test runs it.
import { expect, it } from 'vitest';
import { harnessAssertions, testMethod } from '../../templates/harness/method-fixture.js';
import { kindsFixture, kindsWithoutSamples } from './fixtures/kinds-fixture.js';
import { picEmbedFixture } from './fixtures/pic-embed-fixture.js';
import { refundFixture } from './fixtures/refund-fixture.js';
import { requestClassOf } from './fixtures/request-class.js';

testMethod(refundFixture, requestClassOf(refundFixture.meta));
testMethod(picEmbedFixture, requestClassOf(picEmbedFixture.meta));
testMethod(kindsFixture, requestClassOf(kindsFixture.meta));
const bareMeta = { ...kindsWithoutSamples.meta, method: 'taobao.tbk.kinds.bare' };
testMethod({ ...kindsWithoutSamples, meta: bareMeta }, requestClassOf(bareMeta));

it('counts the assertions of the harness tests', () => {
  // 4 methods × 4 tests, each asserting at least twice.
  expect(harnessAssertions()).toBeGreaterThanOrEqual(32);
});
