// The server for the client benchmark, in its own process so its CPU is not the client's:
// answers every POST with one fixed TOP JSON sample (taobao.tbk.uvid.encrypt's), keep-alive.
import { createServer } from 'node:http';

const body = JSON.stringify({
  tbk_uvid_encrypt_response: {
    result_list: {
      uv_id_generate_res: [
        { error_message: 'miss source_values', encrypted_uvid: 'vnt22Qurt6YYmVhBmLnBrsNPL9Ra', source_value: '123' },
      ],
    },
    request_id: 'bench0request',
  },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
