// Owns the pure part of pushing: reading what the user pasted for each service, the exact request each service documents (URL, headers, body, signature), the host check, reading the service's answer, and the retry schedule. No I/O.
import { createHmac } from 'node:crypto'
import { PUSH_FIELDS, type PushChannelId, type PushFieldProblem, type PushMessage } from '../../shared/push'

/** A channel's saved fields, already checked by parseChannelFields. */
export type ChannelFields = Record<string, string>

export interface PushRequest {
  method: 'POST'
  url: string
  headers: Record<string, string>
  body: string
}

/** The documented hosts. A self-hosted Bark or ntfy server is the user's own and checked by checkOwnServer instead. */
export const PUSH_HOSTS = {
  wecom: 'qyapi.weixin.qq.com',
  dingtalk: 'oapi.dingtalk.com',
  feishu: 'open.feishu.cn',
  bark: 'api.day.app',
  ntfy: 'ntfy.sh',
  serverchan: 'sctapi.ftqq.com',
  pushplus: 'www.pushplus.plus'
} as const satisfies Record<PushChannelId, string>

/** Server酱³ keys ('sctp<number>t…') post to their own numbered host under push.ft07.com (serverchan-sdk). */
const SERVERCHAN3_HOST = /^\d+\.push\.ft07\.com$/

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' }
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

type FieldCheck = { ok: true; value: string } | { ok: false; problem: PushFieldProblem }

function tryUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/** A Bark or ntfy server of the user's own: https, or plain http only on this computer. */
export function checkOwnServer(text: string): FieldCheck {
  const url = tryUrl(text.trim())
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return { ok: false, problem: 'format' }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, problem: 'https' }
  if (url.search !== '' || url.hash !== '') return { ok: false, problem: 'format' }
  // Kept without a trailing slash, so paths join the same way for 'https://h' and 'https://h/'.
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
}

/**
 * Takes a key out of a pasted address (or takes the key as pasted): the address must be on the
 * service's documented host, so a mistyped or foreign address is refused here, not fetched later.
 */
function keyFrom(text: string, host: string | RegExp, take: (url: URL) => string | null, pattern: RegExp, ownServer = false): FieldCheck {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, problem: 'required' }
  let key = trimmed
  if (/^[a-z]+:\/\//i.test(trimmed)) {
    const url = tryUrl(trimmed)
    if (url === null) return { ok: false, problem: 'format' }
    const hostOk = typeof host === 'string' ? url.hostname === host : host.test(url.hostname)
    if (!hostOk) return { ok: false, problem: 'host' }
    // A Bark or ntfy server of the user's own is checked as a server (mergeChannelFields).
    if (!ownServer && url.protocol !== 'https:') return { ok: false, problem: 'https' }
    key = take(url) ?? ''
  }
  return pattern.test(key) ? { ok: true, value: key } : { ok: false, problem: 'format' }
}

const TOKEN = /^[A-Za-z0-9_-]{6,200}$/
const lastSegment = (url: URL, prefix: string): string | null => (url.pathname.startsWith(prefix) ? (url.pathname.slice(prefix.length).split('/')[0] ?? null) : null)

/** Checks one field as the user typed it; returns the value to store. */
export function checkField(id: PushChannelId, name: string, raw: string): FieldCheck {
  const text = raw.trim()
  switch (`${id}.${name}`) {
    case 'wecom.key':
      return keyFrom(text, PUSH_HOSTS.wecom, (u) => u.searchParams.get('key'), TOKEN)
    case 'dingtalk.accessToken':
      return keyFrom(text, PUSH_HOSTS.dingtalk, (u) => u.searchParams.get('access_token'), TOKEN)
    case 'feishu.hook':
      return keyFrom(text, PUSH_HOSTS.feishu, (u) => lastSegment(u, '/open-apis/bot/v2/hook/'), TOKEN)
    case 'bark.key':
      return keyFrom(text, /^.+$/, (u) => u.pathname.split('/').filter(Boolean)[0] ?? null, TOKEN, true)
    case 'ntfy.topic':
      // ntfy topics: letters, digits, '-' and '_', up to 64 (docs.ntfy.sh/publish).
      return keyFrom(text, /^.+$/, (u) => u.pathname.split('/').filter(Boolean)[0] ?? null, /^[A-Za-z0-9_-]{1,64}$/, true)
    case 'serverchan.sendKey':
      return keyFrom(text, /^(sctapi\.ftqq\.com|\d+\.push\.ft07\.com)$/, (u) => u.pathname.split('/').filter(Boolean).pop()?.replace(/\.send$/, '') ?? null, TOKEN)
    case 'pushplus.token':
      return keyFrom(text, PUSH_HOSTS.pushplus, (u) => u.searchParams.get('token') ?? lastSegment(u, '/send/'), TOKEN)
    case 'dingtalk.secret':
    case 'feishu.secret':
      return /^[\x21-\x7e]{1,200}$/.test(text) ? { ok: true, value: text } : { ok: false, problem: 'format' }
    case 'bark.server':
    case 'ntfy.server':
      return checkOwnServer(text)
    default:
      return { ok: false, problem: 'format' }
  }
}

export type FieldsCheck = { ok: true; fields: ChannelFields } | { ok: false; field: string; problem: PushFieldProblem }

/**
 * The channel's fields after an edit: `changes` overrides `saved` field by field ('' clears one);
 * fields the channel does not have are refused. A Bark or ntfy address pasted whole also sets the
 * server when it is not the documented one.
 */
export function mergeChannelFields(id: PushChannelId, saved: ChannelFields, changes: Readonly<Record<string, string>>): FieldsCheck {
  const specs = PUSH_FIELDS[id]
  const unknown = Object.keys(changes).find((name) => !specs.some((s) => s.name === name))
  if (unknown !== undefined) return { ok: false, field: unknown, problem: 'format' }
  const out: ChannelFields = {}
  for (const spec of specs) {
    const raw = Object.hasOwn(changes, spec.name) ? (changes[spec.name] ?? '') : (saved[spec.name] ?? '')
    if (raw.trim() === '') continue
    const checked = checkField(id, spec.name, raw)
    if (!checked.ok) return { ok: false, field: spec.name, problem: checked.problem }
    out[spec.name] = checked.value
  }
  const first = specs[0]
  if (first !== undefined && (id === 'bark' || id === 'ntfy') && Object.hasOwn(changes, first.name) && !Object.hasOwn(changes, 'server')) {
    const pasted = tryUrl((changes[first.name] ?? '').trim())
    if (pasted !== null && pasted.hostname === PUSH_HOSTS[id]) delete out.server
    else if (pasted !== null) {
      const server = checkOwnServer(pasted.origin)
      if (!server.ok) return { ok: false, field: first.name, problem: server.problem }
      out.server = server.value
    }
  }
  return { ok: true, fields: out }
}

/** Whether every required field is set. */
export function isConfigured(id: PushChannelId, fields: ChannelFields): boolean {
  return PUSH_FIELDS[id].every((spec) => spec.optional || (fields[spec.name] ?? '') !== '')
}

/** One text for services that have no separate title: the notification's title, then its body. */
export function plainText(message: PushMessage): string {
  return message.body === '' ? message.title : `${message.title}\n${message.body}`
}

/** 企业微信 caps a text message at 2048 bytes of UTF-8; a longer one is refused (errcode 40058), so it is cut, whole characters only. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text
  let out = ''
  let bytes = 0
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8')
    if (bytes + size > maxBytes - 3) break
    out += char
    bytes += size
  }
  return `${out}…`
}

/** 钉钉 加签: HmacSHA256 keyed with the secret over `timestamp + "\n" + secret`, Base64, then URL-encoded; the timestamp in milliseconds. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64'))
}

/** 飞书 签名校验: HmacSHA256 keyed with `timestamp + "\n" + secret` over an empty message, Base64; the timestamp in seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64')
}

/**
 * The request a channel's service documents for a text message. Sources, as looked up for this code:
 * - 企业微信群机器人 (developer.work.weixin.qq.com/document/path/99110 "群机器人配置说明"): POST
 *   https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY, JSON {"msgtype":"text","text":{"content":…}},
 *   content at most 2048 bytes UTF-8; success is {"errcode":0,"errmsg":"ok"}.
 * - 钉钉自定义机器人 (open.dingtalk.com/document/orgapp/custom-robot-access, 安全设置 加签): POST
 *   https://oapi.dingtalk.com/robot/send?access_token=TOKEN[&timestamp=MS&sign=SIGN], JSON
 *   {"msgtype":"text","text":{"content":…}}; success is errcode 0.
 * - 飞书自定义机器人 (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot): POST
 *   https://open.feishu.cn/open-apis/bot/v2/hook/HOOK, JSON {"msg_type":"text","content":{"text":…}},
 *   with "timestamp" (seconds, as a string) and "sign" in the body when 签名校验 is on; success is code 0.
 * - Bark (github.com/Finb/bark-server docs/API_V2.md): POST {server}/push, JSON {"device_key","title","body"};
 *   success is {"code":200}.
 * - ntfy (docs.ntfy.sh/publish, "Publish as JSON"): POST to the server's root with JSON {"topic","title","message"},
 *   which carries a Chinese title without header encoding; success is HTTP 200.
 * - Server酱 Turbo (sct.ftqq.com; easychen/serverchan-sdk): POST https://sctapi.ftqq.com/SENDKEY.send, JSON
 *   {"title","desp"}; Server酱³ keys 'sctp<n>t…' go to https://<n>.push.ft07.com/send/SENDKEY.send. Success is code 0.
 * - PushPlus (www.pushplus.plus/doc, 发送消息接口 POST): POST https://www.pushplus.plus/send, JSON
 *   {"token","title","content","template":"txt"}; success is code 200.
 */
export function buildPushRequest(id: PushChannelId, fields: ChannelFields, message: PushMessage, now: Date): PushRequest {
  const text = plainText(message)
  const post = (url: string, body: unknown): PushRequest => ({ method: 'POST', url, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) })
  const field = (name: string): string => fields[name] ?? ''
  switch (id) {
    case 'wecom':
      return post(`https://${PUSH_HOSTS.wecom}/cgi-bin/webhook/send?key=${encodeURIComponent(field('key'))}`, { msgtype: 'text', text: { content: cutToBytes(text, 2048) } })
    case 'dingtalk': {
      const base = `https://${PUSH_HOSTS.dingtalk}/robot/send?access_token=${encodeURIComponent(field('accessToken'))}`
      const ms = now.getTime()
      const url = field('secret') === '' ? base : `${base}&timestamp=${ms}&sign=${dingtalkSign(field('secret'), ms)}`
      return post(url, { msgtype: 'text', text: { content: text } })
    }
    case 'feishu': {
      const url = `https://${PUSH_HOSTS.feishu}/open-apis/bot/v2/hook/${encodeURIComponent(field('hook'))}`
      if (field('secret') === '') return post(url, { msg_type: 'text', content: { text } })
      const seconds = Math.floor(now.getTime() / 1000)
      return post(url, { timestamp: String(seconds), sign: feishuSign(field('secret'), seconds), msg_type: 'text', content: { text } })
    }
    case 'bark':
      return post(`${field('server') || `https://${PUSH_HOSTS.bark}`}/push`, { device_key: field('key'), title: message.title, body: message.body })
    case 'ntfy':
      return post(`${field('server') || `https://${PUSH_HOSTS.ntfy}`}/`, { topic: field('topic'), title: message.title, message: message.body === '' ? message.title : message.body })
    case 'serverchan': {
      const key = field('sendKey')
      const sc3 = /^sctp(\d+)t/.exec(key)
      const url = sc3 ? `https://${sc3[1]}.push.ft07.com/send/${encodeURIComponent(key)}.send` : `https://${PUSH_HOSTS.serverchan}/${encodeURIComponent(key)}.send`
      return post(url, { title: message.title, desp: message.body })
    }
    case 'pushplus':
      return post(`https://${PUSH_HOSTS.pushplus}/send`, { token: field('token'), title: message.title, content: message.body, template: 'txt' })
  }
}

/**
 * The last line of defence before a request leaves: https to the channel's documented host, or to
 * the user's own Bark/ntfy server (https, or http on this computer). Returns the problem or null.
 */
export function checkRequestUrl(id: PushChannelId, fields: ChannelFields, url: string): string | null {
  const parsed = tryUrl(url)
  if (parsed === null) return 'not a URL'
  const own = (id === 'bark' || id === 'ntfy') && (fields.server ?? '') !== '' ? tryUrl(fields.server ?? '') : null
  if (own !== null) {
    if (parsed.origin !== own.origin) return `not the configured server ${own.origin}`
    if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname)) return 'plain http is only allowed on this computer'
    return null
  }
  if (parsed.protocol !== 'https:') return 'not https'
  const hostOk = id === 'serverchan' ? parsed.hostname === PUSH_HOSTS.serverchan || SERVERCHAN3_HOST.test(parsed.hostname) : parsed.hostname === PUSH_HOSTS[id]
  return hostOk ? null : `host ${parsed.hostname} is not ${PUSH_HOSTS[id]}`
}

export type PushOutcome = { ok: true } | { ok: false; error: string }

/** Reads a service's answer: a 2xx alone is not success where the service reports errors in the body (企业微信 errcode ≠ 0 comes with HTTP 200). */
export function readPushResponse(id: PushChannelId, status: number, bodyText: string): PushOutcome {
  const snippet = bodyText.slice(0, 200)
  if (status < 200 || status > 299) return { ok: false, error: `HTTP ${status}${snippet === '' ? '' : `: ${snippet}`}` }
  let json: unknown = null
  try {
    json = JSON.parse(bodyText)
  } catch {
    json = null
  }
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  const codeIs = (field: string, expected: number) => record[field] === expected
  const bodyError = (field: string, messageField: string) => ({ ok: false as const, error: `${field} ${String(record[field] ?? '?')}: ${String(record[messageField] ?? snippet)}` })
  switch (id) {
    case 'wecom':
    case 'dingtalk':
      return codeIs('errcode', 0) ? { ok: true } : bodyError('errcode', 'errmsg')
    case 'feishu':
      // Older answers carry StatusCode instead of code.
      return codeIs('code', 0) || (record.code === undefined && codeIs('StatusCode', 0)) ? { ok: true } : bodyError('code', 'msg')
    case 'bark':
      return codeIs('code', 200) ? { ok: true } : bodyError('code', 'message')
    case 'ntfy':
      return { ok: true }
    case 'serverchan':
      return codeIs('code', 0) ? { ok: true } : bodyError('code', 'message')
    case 'pushplus':
      return codeIs('code', 200) ? { ok: true } : bodyError('code', 'msg')
  }
}

/** Waits between attempts of a failed push: a minute, then longer, up to half a day. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 6 * 60 * 60_000, 12 * 60 * 60_000] as const
/** After this many failed attempts a push is given up (the card keeps showing the error). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1

/** When to try again after `attempts` failed attempts, or null to give up. */
export function nextAttemptAt(attempts: number, failedAt: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]
  return failedAt + delay
}
