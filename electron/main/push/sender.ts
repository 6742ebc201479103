// Owns sending pushes from the main process: the channels' settings and secrets in the data folder, the persisted retry queue, one idempotency key per (reminder, channel), the 10-second timeout, and what the settings card learns.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import {
  PUSH_CHANNEL_IDS,
  PUSH_FIELDS,
  type PushChannelId,
  type PushConfigureRequest,
  type PushConfigureResult,
  type PushMessage,
  type PushSendRequest,
  type PushState,
  type PushTestResult
} from '../../shared/push'
import { buildPushRequest, checkRequestUrl, isConfigured, mergeChannelFields, nextAttemptAt, readPushResponse, type ChannelFields, type PushOutcome } from './channels'

/** The channels' settings, keys and tokens included: in the data folder, never in IndexedDB, so no backup or export carries them. */
export const PUSH_SETTINGS_FILE = 'push-channels.json'
/** Pushes waiting for a retry, what was delivered, and each channel's last result. */
export const PUSH_QUEUE_FILE = 'push-queue.json'
/** A request that has no answer by then is abandoned and retried. */
export const PUSH_TIMEOUT_MS = 10_000
/** Delivered keys are kept this long; a reminder older than that is never caught up on (REMINDER_RETENTION_DAYS is 30). */
const DELIVERED_KEEP_MS = 60 * 24 * 60 * 60 * 1000

const channelId = z.enum(PUSH_CHANNEL_IDS)
const channelSettings = z.object({ enabled: z.boolean(), fields: z.record(z.string(), z.string().max(500)) })
type Settings = { version: 1; channels: Partial<Record<PushChannelId, z.infer<typeof channelSettings>>> }
/** Channel by channel: one the app no longer knows (a newer version wrote it) or one damaged entry is dropped, not the others. */
const settingsSchema: z.ZodType<Settings> = z.object({ version: z.literal(1), channels: z.record(z.string(), z.unknown()) }).transform((file) => {
  const channels: Settings['channels'] = {}
  for (const id of PUSH_CHANNEL_IDS) {
    const parsed = channelSettings.safeParse(file.channels[id])
    if (parsed.success) channels[id] = parsed.data
  }
  return { version: 1 as const, channels }
})

const messageSchema = z.object({ title: z.string().max(200), body: z.string().max(4000) })
const entrySchema = z.object({
  key: z.string().max(200),
  channel: channelId,
  message: messageSchema,
  attempts: z.number().int().min(0),
  nextAt: z.number(),
  createdAt: z.string()
})
const statusSchema = z.object({ lastSuccessAt: z.string().nullable(), lastError: z.object({ at: z.string(), message: z.string().max(500) }).nullable() })
const queueSchema = z.object({
  version: z.literal(1),
  queue: z.array(entrySchema).max(5000),
  delivered: z.array(z.object({ key: z.string().max(200), at: z.number() })).max(50_000),
  status: z.partialRecord(channelId, statusSchema)
})
type Queue = z.infer<typeof queueSchema>

export interface PushSenderDeps {
  /** The data folder. */
  dir: string
  /** The file's text, or null when there is none. */
  readText(path: string): Promise<string | null>
  /** Writes whole-or-nothing (durable-write.ts). */
  writeText(path: string, text: string): Promise<void>
  fetch: typeof fetch
  now(): Date
  /** The retry timer (the request timeout is AbortSignal.timeout). */
  setTimer(run: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
  timeoutMs?: number
  /**
   * Tests only: where a request that passed the host check is actually sent (a local server
   * standing in for the service). The app passes nothing, so the check above is the last word.
   */
  redirectForTest?: (url: string) => string
}

export interface PushSender {
  state(): Promise<PushState>
  configure(request: PushConfigureRequest): Promise<PushConfigureResult>
  /** Sends a test message now, outside the queue, and says how it went. */
  test(id: PushChannelId, message: PushMessage): Promise<PushTestResult>
  /** Queues a reminder for every enabled channel that has not had it yet, and sends. */
  send(request: PushSendRequest): Promise<void>
  /** Tries what is due now (the computer woke up, the network may be back). */
  kick(): void
  /** Resolves when the work started so far is done. */
  idle(): Promise<void>
  stop(): void
}

const emptySettings = (): Settings => ({ version: 1, channels: {} })
const emptyQueue = (): Queue => ({ version: 1, queue: [], delivered: [], status: {} })

/** The reminder key hashed: the queue file names reminders without spelling out accounts. */
export function reminderHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40)
}

export function createPushSender(deps: PushSenderDeps): PushSender {
  const settingsPath = join(deps.dir, PUSH_SETTINGS_FILE)
  const queuePath = join(deps.dir, PUSH_QUEUE_FILE)
  const timeoutMs = deps.timeoutMs ?? PUSH_TIMEOUT_MS
  let settings: Settings | null = null
  let queue: Queue | null = null
  let work: Promise<unknown> = Promise.resolve()
  let timer: unknown = null
  let stopped = false

  // One thing at a time: two sends of the same entry can never be in flight together.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = work.then(task)
    work = next.catch((error: unknown) => console.error('Push:', error))
    return next
  }

  const read = async <T>(path: string, schema: z.ZodType<T>, empty: () => T): Promise<T> => {
    const text = await deps.readText(path)
    if (text === null) return empty()
    try {
      return schema.parse(JSON.parse(text))
    } catch (error) {
      // A damaged file must not stop the reminders: start empty and say so, keeping the file aside rather than writing over it.
      console.error(`Push: ${path} could not be read, starting afresh (kept as ${path}.bad):`, error)
      await deps.writeText(`${path}.bad`, text).catch(() => undefined)
      return empty()
    }
  }
  const load = async () => {
    settings ??= await read(settingsPath, settingsSchema, emptySettings)
    queue ??= await read(queuePath, queueSchema, emptyQueue)
    return { s: settings, q: queue }
  }
  const saveSettings = (s: Settings) => deps.writeText(settingsPath, JSON.stringify(s, null, 2))
  const saveQueue = (q: Queue) => deps.writeText(queuePath, JSON.stringify(q))

  const channelOf = (s: Settings, id: PushChannelId) => s.channels[id] ?? { enabled: false, fields: {} }
  const active = (s: Settings, id: PushChannelId) => {
    const c = channelOf(s, id)
    return c.enabled && isConfigured(id, c.fields)
  }

  const stateOf = (s: Settings, q: Queue): PushState => ({
    channels: PUSH_CHANNEL_IDS.map((id) => {
      const c = channelOf(s, id)
      const shown: Record<string, string> = {}
      for (const spec of PUSH_FIELDS[id]) if (!spec.secret && c.fields[spec.name]) shown[spec.name] = c.fields[spec.name] ?? ''
      const status = q.status[id] ?? { lastSuccessAt: null, lastError: null }
      return { id, enabled: c.enabled, configured: isConfigured(id, c.fields), shown, ...status, pending: q.queue.filter((e) => e.channel === id).length }
    })
  })

  /** One request, with the timeout; never throws. */
  const attempt = async (id: PushChannelId, fields: ChannelFields, message: PushMessage): Promise<PushOutcome> => {
    const request = buildPushRequest(id, fields, message, deps.now())
    const refused = checkRequestUrl(id, fields, request.url)
    if (refused !== null) return { ok: false, error: `refused: ${refused}` }
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const url = deps.redirectForTest ? deps.redirectForTest(request.url) : request.url
      // No redirects: a service that answers with one is not the documented endpoint.
      const response = await deps.fetch(url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: 'error' })
      const outcome = readPushResponse(id, response.status, await response.text())
      // A server of the user's own may be anything on this computer: the page hears its status only, never what it answered.
      if (!outcome.ok && (fields.server ?? '') !== '') return { ok: false, error: outcome.error.replace(/^(HTTP \d+).*$/s, '$1').replace(/^(\w+ [^:]*):.*$/s, '$1') }
      return outcome
    } catch (error) {
      return { ok: false, error: signal.aborted ? `no answer in ${timeoutMs / 1000} s` : error instanceof Error ? error.message : String(error) }
    }
  }

  const record = (q: Queue, id: PushChannelId, outcome: PushOutcome) => {
    const at = deps.now().toISOString()
    const before = q.status[id] ?? { lastSuccessAt: null, lastError: null }
    q.status[id] = outcome.ok ? { lastSuccessAt: at, lastError: null } : { ...before, lastError: { at, message: outcome.error.slice(0, 500) } }
  }

  const schedule = (q: Queue) => {
    if (timer !== null) deps.clearTimer(timer)
    timer = null
    if (stopped || q.queue.length === 0) return
    const next = Math.min(...q.queue.map((e) => e.nextAt))
    timer = deps.setTimer(() => void serial(drain), Math.max(0, next - deps.now().getTime()))
  }

  /**
   * Sends every entry that is due, one by one. An entry leaves the queue only after the service
   * accepted it (2xx and its own success code), and its key is then remembered as delivered, so
   * it is never sent again. A request that timed out may still have been delivered (the answer was
   * lost, not necessarily the request): it is retried all the same. That is at-least-once, as every
   * one of these webhooks offers no idempotency key of its own; a rare duplicate on the phone is
   * better than a missed due date. The entry is written to disk before its first attempt, so a
   * crash mid-send retries rather than forgets.
   */
  const drain = async () => {
    const { s, q } = await load()
    // Whatever stops this pass (a write that failed on a full disk), the next one is still scheduled.
    try {
      await drainDue(s, q)
    } finally {
      schedule(q)
    }
  }

  const drainDue = async (s: Settings, q: Queue) => {
    for (;;) {
      if (stopped) return
      const nowMs = deps.now().getTime()
      const entry = q.queue.filter((e) => e.nextAt <= nowMs).sort((a, b) => a.nextAt - b.nextAt)[0]
      if (entry === undefined) break
      const c = channelOf(s, entry.channel)
      if (!active(s, entry.channel)) {
        // Turned off or cleared since it was queued: the user no longer wants it there.
        q.queue = q.queue.filter((e) => e !== entry)
        await saveQueue(q)
        continue
      }
      const outcome = await attempt(entry.channel, c.fields, entry.message)
      record(q, entry.channel, outcome)
      if (outcome.ok) {
        q.queue = q.queue.filter((e) => e !== entry)
        q.delivered.push({ key: entry.key, at: deps.now().getTime() })
      } else {
        entry.attempts += 1
        const next = nextAttemptAt(entry.attempts, deps.now().getTime())
        if (next === null) q.queue = q.queue.filter((e) => e !== entry)
        else entry.nextAt = next
      }
      const keepFrom = deps.now().getTime() - DELIVERED_KEEP_MS
      q.delivered = q.delivered.filter((d) => d.at >= keepFrom)
      await saveQueue(q)
    }
  }

  return {
    state: () =>
      serial(async () => {
        const { s, q } = await load()
        return stateOf(s, q)
      }),

    configure: (request) =>
      serial(async (): Promise<PushConfigureResult> => {
        const { s, q } = await load()
        const merged = mergeChannelFields(request.id, channelOf(s, request.id).fields, request.fields)
        if (!merged.ok) return { saved: false, field: merged.field, problem: merged.problem }
        const next: Settings = { ...s, channels: { ...s.channels, [request.id]: { enabled: request.enabled, fields: merged.fields } } }
        await saveSettings(next)
        settings = next
        return { saved: true, state: stateOf(next, q) }
      }),

    test: (id, message) =>
      serial(async (): Promise<PushTestResult> => {
        const { s, q } = await load()
        const c = channelOf(s, id)
        if (!isConfigured(id, c.fields)) return { ok: false, error: 'not configured' }
        const outcome = await attempt(id, c.fields, message)
        record(q, id, outcome)
        await saveQueue(q)
        return outcome
      }),

    send: (request) =>
      serial(async () => {
        const { s, q } = await load()
        const hash = reminderHash(request.key)
        let added = false
        for (const id of PUSH_CHANNEL_IDS) {
          if (!active(s, id)) continue
          const key = `${hash}|${id}`
          if (q.delivered.some((d) => d.key === key) || q.queue.some((e) => e.key === key)) continue
          q.queue.push({ key, channel: id, message: request.message, attempts: 0, nextAt: deps.now().getTime(), createdAt: deps.now().toISOString() })
          added = true
        }
        if (added) await saveQueue(q)
        await drain()
      }),

    kick: () => {
      if (stopped) return
      void serial(async () => {
        const { q } = await load()
        // What waits for a later retry is tried now: the reason it failed (no network while asleep) may be gone.
        const nowMs = deps.now().getTime()
        for (const e of q.queue) e.nextAt = Math.min(e.nextAt, nowMs)
        await drain()
      })
    },

    idle: async () => {
      // Work queued while waiting is waited for too.
      let seen: Promise<unknown> | null = null
      while (seen !== work) {
        seen = work
        await work
      }
    },

    stop: () => {
      stopped = true
      if (timer !== null) deps.clearTimer(timer)
      timer = null
    }
  }
}
