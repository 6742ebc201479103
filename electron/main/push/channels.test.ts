// Tests each push service's exact request (method, URL, headers, body written out by hand), the signatures against node:crypto, the host check, reading answers and the retry schedule.
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  MAX_ATTEMPTS,
  buildPushRequest,
  checkField,
  checkRequestUrl,
  cutToBytes,
  isConfigured,
  mergeChannelFields,
  nextAttemptAt,
  readPushResponse
} from './channels'

const message = { title: '花呗 明天到期', body: '4月账单 ¥1,234.56 · 明天到期（2026-04-10）' }
const now = new Date(1_775_000_000_123)
const json = { 'Content-Type': 'application/json; charset=utf-8' }

describe('the request each service documents', () => {
  it('企业微信群机器人: POST the webhook with the key, a text message', () => {
    expect(buildPushRequest('wecom', { key: '693a91f6-7xxx-4bc4' }, message, now)).toEqual({
      method: 'POST',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4',
      headers: json,
      body: '{"msgtype":"text","text":{"content":"花呗 明天到期\\n4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}}'
    })
  })

  it('钉钉: without 加签 only the token; with it timestamp (ms) and the URL-encoded Base64 HmacSHA256 of "timestamp\\nsecret"', () => {
    const body = '{"msgtype":"text","text":{"content":"花呗 明天到期\\n4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}}'
    expect(buildPushRequest('dingtalk', { accessToken: 'abc123def' }, message, now)).toEqual({ method: 'POST', url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123def', headers: json, body })
    const secret = 'SECd1f2e3a4b5c6'
    const expected = encodeURIComponent(createHmac('sha256', secret).update(`1775000000123\n${secret}`).digest('base64'))
    const signed = buildPushRequest('dingtalk', { accessToken: 'abc123def', secret }, message, now)
    expect(signed.url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc123def&timestamp=1775000000123&sign=${expected}`)
    expect(signed.body).toBe(body)
  })

  it('飞书: the hook address, msg_type text; with 签名校验 timestamp (seconds, a string) and sign in the body', () => {
    expect(buildPushRequest('feishu', { hook: 'f0e1d2c3-b4a5' }, message, now)).toEqual({
      method: 'POST',
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/f0e1d2c3-b4a5',
      headers: json,
      body: '{"msg_type":"text","content":{"text":"花呗 明天到期\\n4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}}'
    })
    const secret = 'feishuSecret9'
    // Feishu keys the HMAC with "timestamp\nsecret" and signs an empty message.
    const sign = createHmac('sha256', `1775000000\n${secret}`).update(Buffer.alloc(0)).digest('base64')
    expect(buildPushRequest('feishu', { hook: 'f0e1d2c3-b4a5', secret }, message, now).body).toBe(
      `{"timestamp":"1775000000","sign":"${sign}","msg_type":"text","content":{"text":"花呗 明天到期\\n4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}}`
    )
  })

  it('Bark: POST /push with device_key, title and body, on api.day.app or the own server', () => {
    const body = '{"device_key":"ynJ5Ft4atkMkWeo2","title":"花呗 明天到期","body":"4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}'
    expect(buildPushRequest('bark', { key: 'ynJ5Ft4atkMkWeo2' }, message, now)).toEqual({ method: 'POST', url: 'https://api.day.app/push', headers: json, body })
    expect(buildPushRequest('bark', { key: 'ynJ5Ft4atkMkWeo2', server: 'https://bark.example.org/base' }, message, now).url).toBe('https://bark.example.org/base/push')
  })

  it('ntfy: JSON publish to the server root with topic, title and message', () => {
    expect(buildPushRequest('ntfy', { topic: 'ledger_x9' }, message, now)).toEqual({
      method: 'POST',
      url: 'https://ntfy.sh/',
      headers: json,
      body: '{"topic":"ledger_x9","title":"花呗 明天到期","message":"4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}'
    })
    expect(buildPushRequest('ntfy', { topic: 'ledger_x9', server: 'http://127.0.0.1:8080' }, message, now).url).toBe('http://127.0.0.1:8080/')
  })

  it('Server酱: SENDKEY.send with title and desp; Server酱³ keys go to their numbered host', () => {
    expect(buildPushRequest('serverchan', { sendKey: 'SCT12345abcdef' }, message, now)).toEqual({
      method: 'POST',
      url: 'https://sctapi.ftqq.com/SCT12345abcdef.send',
      headers: json,
      body: '{"title":"花呗 明天到期","desp":"4月账单 ¥1,234.56 · 明天到期（2026-04-10）"}'
    })
    expect(buildPushRequest('serverchan', { sendKey: 'sctp42tABCDEF' }, message, now).url).toBe('https://42.push.ft07.com/send/sctp42tABCDEF.send')
  })

  it('PushPlus: POST /send with token, title, content and the plain-text template', () => {
    expect(buildPushRequest('pushplus', { token: 'be8652e98bd04139' }, message, now)).toEqual({
      method: 'POST',
      url: 'https://www.pushplus.plus/send',
      headers: json,
      body: '{"token":"be8652e98bd04139","title":"花呗 明天到期","content":"4月账单 ¥1,234.56 · 明天到期（2026-04-10）","template":"txt"}'
    })
  })

  it('cuts a 企业微信 text to 2048 bytes on a character boundary', () => {
    const long = '还'.repeat(1000)
    const cut = cutToBytes(long, 2048)
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(2048)
    expect(cut.endsWith('…')).toBe(true)
    expect(cutToBytes('短', 2048)).toBe('短')
  })
})

describe('what the user pastes', () => {
  it('takes the key out of a whole webhook address, on the documented host only', () => {
    expect(checkField('wecom', 'key', ' https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx ')).toEqual({ ok: true, value: '693a91f6-7xxx' })
    expect(checkField('wecom', 'key', 'https://evil.example/cgi-bin/webhook/send?key=693a91f6')).toEqual({ ok: false, problem: 'host' })
    expect(checkField('wecom', 'key', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6')).toEqual({ ok: false, problem: 'https' })
    expect(checkField('dingtalk', 'accessToken', 'https://oapi.dingtalk.com/robot/send?access_token=566cc69da782ec')).toEqual({ ok: true, value: '566cc69da782ec' })
    expect(checkField('feishu', 'hook', 'https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e')).toEqual({ ok: true, value: '5e3d587e-d78e' })
    expect(checkField('serverchan', 'sendKey', 'https://sctapi.ftqq.com/SCT12345abcdef.send')).toEqual({ ok: true, value: 'SCT12345abcdef' })
    expect(checkField('pushplus', 'token', 'key with spaces')).toEqual({ ok: false, problem: 'format' })
    expect(checkField('wecom', 'key', '')).toEqual({ ok: false, problem: 'required' })
  })

  it('a Bark or ntfy address of the own server sets the server; plain http only on this computer', () => {
    expect(mergeChannelFields('bark', {}, { key: 'https://api.day.app/ynJ5Ft4atkMkWeo2/测试' })).toEqual({ ok: true, fields: { key: 'ynJ5Ft4atkMkWeo2' } })
    expect(mergeChannelFields('bark', {}, { key: 'https://bark.example.org/ynJ5Ft4atkMkWeo2' })).toEqual({ ok: true, fields: { key: 'ynJ5Ft4atkMkWeo2', server: 'https://bark.example.org' } })
    // Back to the documented server: the own one is forgotten.
    expect(mergeChannelFields('bark', { key: 'old', server: 'https://bark.example.org' }, { key: 'https://api.day.app/ynJ5Ft4atkMkWeo2' })).toEqual({ ok: true, fields: { key: 'ynJ5Ft4atkMkWeo2' } })
    expect(mergeChannelFields('ntfy', {}, { topic: 'http://192.168.1.5/ledger' })).toEqual({ ok: false, field: 'topic', problem: 'https' })
    expect(mergeChannelFields('ntfy', {}, { topic: 'ledger', server: 'http://localhost:8080/' })).toEqual({ ok: true, fields: { topic: 'ledger', server: 'http://localhost:8080' } })
    expect(mergeChannelFields('ntfy', {}, { topic: 'ledger', server: 'http://ntfy.example.org' })).toEqual({ ok: false, field: 'server', problem: 'https' })
  })

  it('keeps saved fields not sent, clears one sent empty, refuses unknown ones', () => {
    expect(mergeChannelFields('dingtalk', { accessToken: 'abc123def', secret: 'SECx' }, { secret: '' })).toEqual({ ok: true, fields: { accessToken: 'abc123def' } })
    expect(mergeChannelFields('dingtalk', { accessToken: 'abc123def' }, { url: 'x' })).toEqual({ ok: false, field: 'url', problem: 'format' })
    expect(isConfigured('dingtalk', { accessToken: 'abc123def' })).toBe(true)
    expect(isConfigured('dingtalk', { secret: 'SECx' })).toBe(false)
  })
})

describe('the host check before a request leaves', () => {
  it('allows the documented host over https and nothing else', () => {
    expect(checkRequestUrl('wecom', {}, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toBeNull()
    expect(checkRequestUrl('wecom', {}, 'https://qyapi.weixin.qq.com.evil.example/x')).toMatch(/host/)
    expect(checkRequestUrl('wecom', {}, 'http://qyapi.weixin.qq.com/x')).toBe('not https')
    expect(checkRequestUrl('serverchan', {}, 'https://42.push.ft07.com/send/sctp42tA.send')).toBeNull()
    expect(checkRequestUrl('bark', { server: 'https://bark.example.org' }, 'https://bark.example.org/push')).toBeNull()
    expect(checkRequestUrl('bark', { server: 'https://bark.example.org' }, 'https://api.day.app/push')).toMatch(/configured server/)
    expect(checkRequestUrl('ntfy', { server: 'http://127.0.0.1:9' }, 'http://127.0.0.1:9/')).toBeNull()
  })
})

describe('reading the answer', () => {
  it('needs the service-level success code, not only a 2xx', () => {
    expect(readPushResponse('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true })
    expect(readPushResponse('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toEqual({ ok: false, error: 'errcode 93000: invalid webhook url' })
    expect(readPushResponse('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({ ok: false, error: 'errcode 310000: sign not match' })
    expect(readPushResponse('feishu', 200, '{"code":0,"msg":"success","data":{}}')).toEqual({ ok: true })
    expect(readPushResponse('feishu', 200, '{"StatusCode":0,"StatusMessage":"success"}')).toEqual({ ok: true })
    expect(readPushResponse('feishu', 200, '{"code":19021,"msg":"sign match fail"}').ok).toBe(false)
    expect(readPushResponse('bark', 200, '{"code":200,"message":"success"}')).toEqual({ ok: true })
    expect(readPushResponse('ntfy', 200, '{"id":"abc"}')).toEqual({ ok: true })
    expect(readPushResponse('serverchan', 200, '{"code":40001,"message":"bad pushkey"}').ok).toBe(false)
    expect(readPushResponse('pushplus', 200, '{"code":200,"msg":"请求成功"}')).toEqual({ ok: true })
    expect(readPushResponse('pushplus', 500, 'oops')).toEqual({ ok: false, error: 'HTTP 500: oops' })
  })
})

describe('the retry schedule', () => {
  it('backs off from a minute to half a day, then gives up', () => {
    expect(nextAttemptAt(1, 0)).toBe(60_000)
    expect(nextAttemptAt(2, 0)).toBe(300_000)
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, 0)).toBe(12 * 60 * 60_000)
    expect(nextAttemptAt(MAX_ATTEMPTS, 0)).toBeNull()
  })
})
