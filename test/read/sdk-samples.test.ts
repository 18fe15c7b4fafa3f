import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  detectSdkLanguage,
  findAuthEvidence,
  findMethodName,
} from '../../generator/src/read/rendered-page/sdk-samples.js';
import { scanSeedText } from '../../generator/src/read/rendered-page/scan-text.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = path.join(ROOT, 'spec/pages/rendered-pages');
const SEEDS = readdirSync(PAGES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('findMethodName', () => {
  it.each([
    [
      "curl -X POST 'http://gw.api.taobao.com/router/rest' \\ -d 'format=json' \\ -d 'method=taobao.tbk.uvid.encrypt' \\ -d 'v=2.0'",
      'taobao.tbk.uvid.encrypt',
      'method=taobao.tbk.uvid.encrypt',
    ],
    [
      "curl -X POST 'http://gw.api.taobao.com/router/rest' \\ -F 'method=taobao.tbk.sc.pic.embed' \\ -F 'pic_stream=@/tmp/file.txt'",
      'taobao.tbk.sc.pic.embed',
      'method=taobao.tbk.sc.pic.embed',
    ],
    [
      'set_api_name(pRequest,"taobao.tbk.sc.social.crowd.get");',
      'taobao.tbk.sc.social.crowd.get',
      'set_api_name(pRequest,"taobao.tbk.sc.social.crowd.get")',
    ],
    [
      "client.execute('taobao.tbk.sf.group.activity.callback', { 'group_id':'R:15323432' }, function(error, response) {})",
      'taobao.tbk.sf.group.activity.callback',
      "execute('taobao.tbk.sf.group.activity.callback',",
    ],
    [
      'client.execute("taobao.tbk.dg.material.optional", {}, cb)',
      'taobao.tbk.dg.material.optional',
      'execute("taobao.tbk.dg.material.optional",',
    ],
  ])('finds the method in %j', (code, value, evidence) => {
    expect(findMethodName(code)).toEqual({ value, evidence });
  });

  it.each([
    // Java, .NET, PHP and Python only name the request class.
    [
      'TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret); TbkUvidEncryptRequest req = new TbkUvidEncryptRequest(); client.execute(req);',
    ],
    ['req=top.api.TbkUvidEncryptRequest(url,port) resp= req.getResponse()'],
    ["curl -d 'method=' -d 'format=json'"],
    ["client.execute('not a method', {}, cb)"],
  ])('finds no method in %j', (code) => {
    expect(findMethodName(code)).toBeUndefined();
  });
});

describe('findAuthEvidence', () => {
  it.each([
    [
      'TbkUvidEncryptResponse rsp = client.execute(req); System.out.println(rsp.getBody());',
      'none',
      'client.execute(req)',
    ],
    ['TbkScPicEmbedResponse rsp = client.execute(req, sessionKey);', 'required', 'client.execute(req, sessionKey)'],
    [
      'TbkScPicEmbedResponse rsp = client.Execute(req, sessionKey); Console.WriteLine(rsp.Body);',
      'required',
      'client.Execute(req, sessionKey)',
    ],
    ['TbkUvidEncryptResponse rsp = client.Execute(req);', 'none', 'client.Execute(req)'],
    ['$resp = $c->execute($req, $sessionKey);', 'required', '$c->execute($req, $sessionKey)'],
    ['$resp = $c->execute($req);', 'none', '$c->execute($req)'],
    ['try: resp= req.getResponse(sessionkey) print(resp)', 'required', 'req.getResponse(sessionkey)'],
    ['try: resp= req.getResponse() print(resp)', 'none', 'req.getResponse()'],
    ['pResponse = top_execute(pClient,pRequest,sessionKey);', 'required', 'top_execute(pClient,pRequest,sessionKey)'],
    ['pResponse = top_execute(pClient,pRequest,NULL);', 'none', 'top_execute(pClient,pRequest,NULL)'],
    [
      "curl -X POST 'http://gw.api.taobao.com/router/rest' \\ -F 'session=a8cc1d64-00e3' \\ -F 'v=2.0'",
      'required',
      'session= field',
    ],
    [
      "curl -X POST 'http://gw.api.taobao.com/router/rest' \\ -d 'partner_id=apidoc' \\ -d 'v=2.0'",
      'none',
      'no session= field',
    ],
    ["client.execute('taobao.tbk.sc.pic.embed', { 'session':'abc', 'adzone_id':'123' }, cb)", 'required', "'session':"],
  ])('reads %j', (code, value, evidence) => {
    expect(findAuthEvidence(code)).toEqual({ value, evidence });
  });

  it('says nothing for a Node sample without a session param (seed 001 omits it although the API needs one)', () => {
    expect(
      findAuthEvidence(
        "client.execute('taobao.tbk.sc.pic.embed', { 'adzone_id':'123' }, function(error, response) {})",
      ),
    ).toBeUndefined();
  });
});

describe('SDK samples of the seed pages', () => {
  it.each([
    ['TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);', 'java'],
    ['ITopClient client = new DefaultTopClient(url, appkey, secret);', 'dotnet'],
    ['$c = new TopClient;', 'php'],
    ["curl -X POST 'http://gw.api.taobao.com/router/rest'", 'curl'],
    ['# -*- coding: utf-8 -*- import top.api', 'python'],
    ['pTopRequest pRequest = alloc_top_request();', 'c'],
    ["TopClient = require('./topClient').TopClient;", 'node'],
    ['<tbk_uvid_encrypt_response>', undefined],
    ['var client = new TopClient({', undefined],
  ])('detects the language of %j', (code, want) => {
    expect(detectSdkLanguage(code)).toBe(want);
  });

  it.each(SEEDS)('%s: seven SDK samples in doc order, all naming one method', (seed) => {
    const blocks = scanSeedText(readFileSync(path.join(PAGES, seed), 'utf8')).blocks.filter((b) => b.language);
    expect(blocks.map((b) => b.language)).toEqual(['java', 'dotnet', 'php', 'curl', 'python', 'c', 'node']);
    const methods = blocks.map((b) => findMethodName(b.text)?.value);
    // Only curl, C and Node print the method name.
    expect(methods.filter((m) => m === undefined)).toHaveLength(4);
    expect(new Set(methods.filter((m) => m !== undefined)).size).toBe(1);
    // Every language but Node shows whether a session is passed.
    expect(blocks.map((b) => findAuthEvidence(b.text) === undefined)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});
