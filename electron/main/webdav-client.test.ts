// Drives (from the main process's side, where the Node test server can be typed) the WebDAV transport at a real WebDAV server on 127.0.0.1 (no mock of fetch or of the server), and reads multistatus replies written by hand in the shapes 坚果云 and Nextcloud send.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDavTestServer, type DavTestServer } from './dav-test-server'
import { SyncTransportError } from '../../src/domain/sync/transport'
import { checkDavUrl, childNames, createWebDavTransport, encodeDavPath, hrefToPath, parseMultistatus } from '../shared/webdav-client'

let server: DavTestServer
beforeAll(async () => {
  server = await startDavTestServer()
})
afterAll(async () => {
  await server.stop()
})

const transport = () => createWebDavTransport({ url: server.url, user: server.user, password: server.password })

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'no error'
  } catch (error) {
    return error instanceof SyncTransportError ? error.kind : `other: ${String(error)}`
  }
}

describe('against a real WebDAV server', () => {
  it('creates, lists and reads back Chinese text, making the nested folders', async () => {
    const dav = transport()
    await dav.test()
    const text = '{"账户":"花呗","金额":123456,"备注":"还款 ✓"}'
    await dav.create('信用账本/设备-甲/0001.json', text)
    await dav.create('信用账本/设备-甲/0002 有空格.json', 'second')
    expect(await dav.read('信用账本/设备-甲/0001.json')).toBe(text)
    expect((await dav.list('信用账本/设备-甲')).sort()).toEqual(['0001.json', '0002 有空格.json'])
    expect(await dav.list('信用账本')).toEqual(['设备-甲'])
    expect(await dav.list('')).toEqual(['信用账本'])
  })

  it('refuses to overwrite: an existing file is "exists" and stays as it was', async () => {
    const dav = transport()
    await dav.create('keep/one.txt', 'first')
    expect(await kindOf(dav.create('keep/one.txt', 'second'))).toBe('exists')
    expect(await dav.read('keep/one.txt')).toBe('first')
  })

  it('removes a file, leaving its neighbours; a file already gone is not an error', async () => {
    const dav = transport()
    await dav.create('tidy/1.msg', 'one')
    await dav.create('tidy/2.msg', 'two')
    await dav.remove('tidy/1.msg')
    expect(await dav.list('tidy')).toEqual(['2.msg'])
    expect(await dav.read('tidy/1.msg')).toBeNull()
    await dav.remove('tidy/1.msg')
    expect(await dav.read('tidy/2.msg')).toBe('two')
  })

  it('a missing folder lists as [] and a missing file reads as null', async () => {
    const dav = transport()
    expect(await dav.list('nowhere/deeper')).toEqual([])
    expect(await dav.read('nowhere/file.txt')).toBeNull()
  })

  it('a wrong password is "auth" on every operation', async () => {
    const dav = createWebDavTransport({ url: server.url, user: server.user, password: 'wrong' })
    expect(await kindOf(dav.test())).toBe('auth')
    expect(await kindOf(dav.list(''))).toBe('auth')
    expect(await kindOf(dav.read('keep/one.txt'))).toBe('auth')
    expect(await kindOf(dav.create('x/y.txt', 'z'))).toBe('auth')
    expect(await kindOf(dav.remove('keep/one.txt'))).toBe('auth')
  })

  it('paths that would leave the folder are refused before any request', async () => {
    const dav = transport()
    for (const bad of ['../up.txt', '/abs.txt', 'a//b', 'a/./b', 'a\\b', '']) {
      expect(await kindOf(dav.read(bad))).toBe('unavailable')
      expect(await kindOf(dav.remove(bad))).toBe('unavailable')
    }
  })

  it('a server that is gone is "network"', async () => {
    const other = await startDavTestServer()
    const dav = createWebDavTransport({ url: other.url, user: other.user, password: other.password })
    await dav.test()
    await other.stop()
    expect(await kindOf(dav.list(''))).toBe('network')
    expect(await kindOf(dav.read('a.txt'))).toBe('network')
    expect(await kindOf(dav.create('a.txt', 'x'))).toBe('network')
  })
})

describe('a server that misbehaves', () => {
  it('a 5xx is "server" with its status; no answer within the timeout is "network"', async () => {
    const held: ServerResponse[] = []
    const http = createServer((request, response) => {
      if (request.url?.includes('slow')) return void held.push(response)
      response.writeHead(503).end('busy')
    })
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    try {
      const dav = createWebDavTransport({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/dav/`, user: 'u', password: 'p' }, { timeoutMs: 300 })
      await expect(dav.list('')).rejects.toMatchObject({ kind: 'server', status: 503 })
      await expect(dav.read('slow.json')).rejects.toMatchObject({ kind: 'network', message: 'GET: no answer in 0.3 s' })
    } finally {
      for (const response of held) response.destroy()
      http.closeAllConnections()
      await new Promise((resolve) => http.close(resolve))
    }
  })
})

describe('the address', () => {
  it('https, or plain http only on this computer; ends in /', () => {
    expect(checkDavUrl(' https://dav.jianguoyun.com/dav ')).toEqual({ ok: true, url: 'https://dav.jianguoyun.com/dav/' })
    expect(checkDavUrl('https://cloud.example.org/remote.php/dav/files/张三/')).toEqual({ ok: true, url: 'https://cloud.example.org/remote.php/dav/files/%E5%BC%A0%E4%B8%89/' })
    expect(checkDavUrl('http://127.0.0.1:8080/dav/')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/dav/' })
    expect(checkDavUrl('http://nas.local:5005/')).toEqual({ ok: false, problem: 'https' })
    expect(checkDavUrl('https://user:pw@dav.example.org/')).toEqual({ ok: false, problem: 'format' })
    expect(checkDavUrl('ftp://dav.example.org/')).toEqual({ ok: false, problem: 'format' })
    expect(checkDavUrl('not a url')).toEqual({ ok: false, problem: 'format' })
  })

  it('encodes each segment', () => {
    expect(encodeDavPath('信用账本/a b#?.json')).toBe('%E4%BF%A1%E7%94%A8%E8%B4%A6%E6%9C%AC/a%20b%23%3F.json')
    expect(encodeDavPath('', true)).toBe('')
  })
})

describe('reading multistatus replies', () => {
  // The shape 坚果云 answers with: upper-case D: prefix, hrefs percent-encoded, a folder's own entry first.
  const jianguoyun = `<?xml version="1.0" encoding="UTF-8"?>
<d:multistatus xmlns:d="DAV:">
  <d:response>
    <d:href>/dav/%E4%BF%A1%E7%94%A8%E8%B4%A6%E6%9C%AC/</d:href>
    <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  </d:response>
  <d:response>
    <d:href>/dav/%E4%BF%A1%E7%94%A8%E8%B4%A6%E6%9C%AC/keys.json</d:href>
    <d:propstat><d:prop><d:resourcetype/><d:getcontentlength>120</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  </d:response>
  <D:response xmlns:D="DAV:">
    <D:href>/dav/%E4%BF%A1%E7%94%A8%E8%B4%A6%E6%9C%AC/%E8%AE%BE%E5%A4%87-%E7%94%B2/</D:href>
    <D:propstat><D:prop><D:resourcetype><D:collection></D:collection></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
  </D:response>
</d:multistatus>`

  // The shape Nextcloud (sabre/dav) answers with: d: plus s:/oc:/nc: namespaces, and props it lacks in a 404 propstat.
  const nextcloud = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
 <d:response><d:href>/remote.php/dav/files/alice/Ledger/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/alice/Ledger/a%20%26%20b.json</d:href><d:propstat><d:prop><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat><d:propstat><d:prop><oc:size/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>
 <d:response><d:href>https://cloud.example.org/remote.php/dav/files/alice/Ledger/x&amp;y.txt</d:href><d:propstat><d:prop><d:resourcetype /></d:prop></d:propstat></d:response>
</d:multistatus>`

  // No prefix at all, a default namespace, and a CDATA href.
  const bare = `<multistatus xmlns="DAV:"><response><href><![CDATA[/files/one.txt]]></href><propstat><prop><resourcetype/></prop></propstat></response><response><href>/files/</href><propstat><prop><resourcetype><collection/></resourcetype></prop></propstat></response></multistatus>`

  it('坚果云-style: folders and files, the folder itself left out, names decoded', () => {
    const entries = parseMultistatus(jianguoyun)
    expect(entries.map((e) => e.isFolder)).toEqual([true, false, true])
    expect(childNames(entries, '/dav/信用账本/')).toEqual(['keys.json', '设备-甲'])
  })

  it('Nextcloud-style: other namespaces, entities, whole-URL hrefs', () => {
    const entries = parseMultistatus(nextcloud)
    expect(childNames(entries, '/remote.php/dav/files/alice/Ledger')).toEqual(['a & b.json', 'x&y.txt'])
  })

  it('a default namespace without prefixes, and CDATA', () => {
    expect(parseMultistatus(bare)).toEqual([
      { path: '/files/one.txt', isFolder: false },
      { path: '/files/', isFolder: true }
    ])
    expect(childNames(parseMultistatus(bare), '/files/')).toEqual(['one.txt'])
  })

  it('an href that is not valid percent-encoding is kept as it came', () => {
    expect(hrefToPath('/dav/100%25/%E4%B8%AD')).toBe('/dav/100%/中')
    expect(hrefToPath('/dav/%ZZ')).toBe('/dav/%ZZ')
  })
})
