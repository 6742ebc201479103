// Drives the main-process push sender at a real HTTP server on 127.0.0.1 that records what it receives: delivered once, a 500 retried until it succeeds, a timeout retried, never sent again after a success, and the queue kept across restarts. No mock of fetch.
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { nodeDurableFs, writeDurably } from '../durable-write'
import { PUSH_QUEUE_FILE, PUSH_SETTINGS_FILE, createPushSender, type PushSender } from './sender'

type Behaviour = 'ok' | 'fail500' | 'errcode' | 'hold'
interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

const received: Received[] = []
let plan: Behaviour[] = []
const held: ServerResponse[] = []
let server: Server
let origin = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      const behaviour = plan.shift() ?? 'ok'
      if (behaviour === 'hold') {
        held.push(response)
        return
      }
      response.writeHead(behaviour === 'fail500' ? 500 : 200, { 'Content-Type': 'application/json' })
      response.end(behaviour === 'errcode' ? '{"errcode":93000,"errmsg":"invalid webhook url"}' : behaviour === 'fail500' ? 'server error' : '{"errcode":0,"errmsg":"ok"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const response of held) response.destroy()
  await new Promise((resolve) => server.close(resolve))
})

const dirs: string[] = []
afterEach(() => {
  received.length = 0
  plan = []
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A clock the test moves; the retry timers it holds run when it passes them. */
function testClock() {
  let now = Date.parse('2026-04-09T01:00:00Z')
  const timers = new Map<number, { at: number; run: () => void }>()
  let id = 0
  return {
    now: () => new Date(now),
    setTimer: (run: () => void, ms: number) => {
      timers.set(++id, { at: now + ms, run })
      return id
    },
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
    advance(ms: number) {
      now += ms
      for (const [key, timer] of [...timers]) {
        if (timer.at > now) continue
        timers.delete(key)
        timer.run()
      }
    }
  }
}

function makeSender(dir: string, clock: ReturnType<typeof testClock>, timeoutMs = 10_000): PushSender {
  return createPushSender({
    dir,
    readText: async (path) => {
      try {
        return await readFile(path, 'utf8')
      } catch {
        return null
      }
    },
    writeText: (path, text) => writeDurably(nodeDurableFs(), path, text, { platform: process.platform }),
    fetch,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    timeoutMs,
    // The production host check passes first (https://qyapi.weixin.qq.com); only then does the test send it here.
    redirectForTest: (url) => url.replace('https://qyapi.weixin.qq.com', origin)
  })
}

function setup(timeoutMs?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'push-sender-'))
  dirs.push(dir)
  const clock = testClock()
  return { dir, clock, sender: makeSender(dir, clock, timeoutMs) }
}

const message = { title: '花呗 明天到期', body: '4月账单 ¥1,234.56' }
const wecom = async (sender: PushSender) => {
  const result = await sender.configure({ id: 'wecom', enabled: true, fields: { key: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test-key-1' } })
  expect(result.saved).toBe(true)
}
const wecomState = async (sender: PushSender) => (await sender.state()).channels.find((c) => c.id === 'wecom')

describe('the push sender against a real HTTP server', () => {
  it('delivers a reminder once, as the service documents it, and never again for the same key', async () => {
    const { sender } = setup()
    await wecom(sender)
    await sender.send({ key: '2026-04-10|bill:huabei|1', message })
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ method: 'POST', url: '/cgi-bin/webhook/send?key=test-key-1', body: '{"msgtype":"text","text":{"content":"花呗 明天到期\\n4月账单 ¥1,234.56"}}' })
    expect(received[0]?.headers['content-type']).toBe('application/json; charset=utf-8')
    await sender.send({ key: '2026-04-10|bill:huabei|1', message })
    sender.kick()
    await sender.idle()
    expect(received).toHaveLength(1)
    expect(await wecomState(sender)).toMatchObject({ enabled: true, configured: true, lastError: null, pending: 0, lastSuccessAt: '2026-04-09T01:00:00.000Z' })
  })

  it('a 500 shows as the failure, is retried on the schedule, and is received exactly once after it succeeds', async () => {
    const { sender, clock } = setup()
    await wecom(sender)
    plan = ['fail500']
    await sender.send({ key: 'r1', message })
    expect(received).toHaveLength(1)
    expect(await wecomState(sender)).toMatchObject({ pending: 1, lastSuccessAt: null, lastError: { at: '2026-04-09T01:00:00.000Z', message: 'HTTP 500: server error' } })
    // Not before its time.
    clock.advance(30_000)
    await sender.idle()
    expect(received).toHaveLength(1)
    clock.advance(30_000)
    await sender.idle()
    expect(received).toHaveLength(2)
    expect(await wecomState(sender)).toMatchObject({ pending: 0, lastError: null, lastSuccessAt: '2026-04-09T01:01:00.000Z' })
    // Later sends of the same reminder and later retries send nothing more.
    await sender.send({ key: 'r1', message })
    clock.advance(24 * 60 * 60_000)
    sender.kick()
    await sender.idle()
    expect(received).toHaveLength(2)
  })

  it('a service error code in a 200 answer (企业微信 errcode ≠ 0) is a failure too', async () => {
    const { sender } = setup()
    await wecom(sender)
    plan = ['errcode']
    expect(await sender.test('wecom', message)).toEqual({ ok: false, error: 'errcode 93000: invalid webhook url' })
    expect((await wecomState(sender))?.lastError?.message).toBe('errcode 93000: invalid webhook url')
    expect(await sender.test('wecom', message)).toEqual({ ok: true })
    expect((await wecomState(sender))?.lastError).toBeNull()
  })

  it('a request with no answer times out, is retried, and is not sent again after the retry succeeded', async () => {
    const { sender, clock } = setup(300)
    await wecom(sender)
    plan = ['hold']
    await sender.send({ key: 'r2', message })
    expect(received).toHaveLength(1)
    expect((await wecomState(sender))?.lastError?.message).toBe('no answer in 0.3 s')
    clock.advance(60_000)
    await sender.idle()
    // At least once: the held request may have reached the service; the retry goes all the same.
    expect(received).toHaveLength(2)
    expect(await wecomState(sender)).toMatchObject({ pending: 0, lastError: null })
    await sender.send({ key: 'r2', message })
    clock.advance(60 * 60_000)
    await sender.idle()
    expect(received).toHaveLength(2)
  })

  it('keeps the queue and what was delivered across a restart, and secrets only in the data folder', async () => {
    const { dir, sender, clock } = setup()
    await wecom(sender)
    plan = ['fail500']
    await sender.send({ key: 'r3', message })
    sender.stop()
    const again = makeSender(dir, clock)
    expect((await wecomState(again))?.pending).toBe(1)
    again.kick()
    await again.idle()
    expect(received).toHaveLength(2)
    await again.send({ key: 'r3', message })
    expect(received).toHaveLength(2)
    expect(await readFile(join(dir, PUSH_SETTINGS_FILE), 'utf8')).toContain('test-key-1')
    expect(await readFile(join(dir, PUSH_QUEUE_FILE), 'utf8')).not.toContain('test-key-1')
    // The page learns whether a channel is set, never its key.
    expect(JSON.stringify(await again.state())).not.toContain('test-key-1')
  })

  it('sends to a self-hosted ntfy on this computer with no redirect at all', async () => {
    const { sender } = setup()
    const saved = await sender.configure({ id: 'ntfy', enabled: true, fields: { topic: 'ledger_x9', server: origin } })
    expect(saved.saved).toBe(true)
    plan = ['ok']
    expect(await sender.test('ntfy', message)).toEqual({ ok: true })
    expect(received[0]).toMatchObject({ method: 'POST', url: '/', body: '{"topic":"ledger_x9","title":"花呗 明天到期","message":"4月账单 ¥1,234.56"}' })
  })

  it('refuses to save an address on a foreign host', async () => {
    const { sender } = setup()
    expect(await sender.configure({ id: 'wecom', enabled: true, fields: { key: `${origin}/cgi-bin/webhook/send?key=abcdef` } })).toEqual({ saved: false, field: 'key', problem: 'host' })
  })
})

describe('the settings file read channel by channel', () => {
  it('keeps the known channels when the file also names one this version does not know, and keeps a damaged file aside', async () => {
    const { dir, clock } = setup()
    const path = join(dir, PUSH_SETTINGS_FILE)
    // Written by a later version with a channel this one lacks, and with one entry damaged.
    await writeDurably(
      nodeDurableFs(),
      path,
      JSON.stringify({ version: 1, channels: { wecom: { enabled: true, fields: { key: 'test-key-1' } }, telegram: { enabled: true, fields: { token: 'x' } }, bark: { enabled: 'yes' } } }),
      { platform: process.platform }
    )
    const sender = makeSender(dir, clock)
    const state = await sender.state()
    expect(state.channels.find((c) => c.id === 'wecom')).toMatchObject({ configured: true, enabled: true })
    expect(state.channels.find((c) => c.id === 'bark')).toMatchObject({ configured: false })

    // Not JSON at all: the sender starts empty and the file is kept as .bad, not written over.
    const broken = setup()
    await writeDurably(nodeDurableFs(), join(broken.dir, PUSH_SETTINGS_FILE), '{"version":1,"chan', { platform: process.platform })
    expect((await broken.sender.state()).channels.every((c) => !c.configured)).toBe(true)
    expect(await readFile(join(broken.dir, `${PUSH_SETTINGS_FILE}.bad`), 'utf8')).toBe('{"version":1,"chan')
  })
})
