// A consumer of the installed package (test/publish/registry.test.ts): compiled with `strict`,
// then run against the package's own mock gateway.
import { TbkUvidEncryptRequest, TopClient, type TbkUvidEncryptResponse } from 'tbk-client';
import { startMockGateway } from 'tbk-client/testing';

const gateway = await startMockGateway({ apps: { 'consumer-app': 'consumer-secret' } });
const client = new TopClient({ appKey: 'consumer-app', appSecret: 'consumer-secret', gateway: gateway.url });
try {
  const response: TbkUvidEncryptResponse = await client.execute(new TbkUvidEncryptRequest({ tk_domain: 1 }));
  const uvid: string | undefined = response.result_list?.[0]?.encrypted_uvid;
  const call = gateway.calls[0];
  console.log(JSON.stringify({ calls: gateway.calls.length, verified: call?.verified, method: call?.method, uvid }));
} finally {
  client.close();
  await gateway.close();
}
