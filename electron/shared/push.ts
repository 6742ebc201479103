// Owns the push-channel part of the IPC contract: which services there are, what each is configured with, and what the page learns back (never a secret).

/** The services a reminder can be pushed to, in the order the settings card lists them. */
export const PUSH_CHANNEL_IDS = ['wecom', 'dingtalk', 'feishu', 'bark', 'ntfy', 'serverchan', 'pushplus'] as const
export type PushChannelId = (typeof PUSH_CHANNEL_IDS)[number]

/** A field of a channel's settings. `secret` fields are written to the data folder and never sent back to the page. */
export interface PushFieldSpec {
  name: string
  secret: boolean
  optional: boolean
}

/**
 * What each channel is configured with. The first field is what the phone app hands the user (a
 * webhook address or a key); the page may paste the whole address, the main process takes the key
 * out of it and checks it against the service's documented host.
 */
export const PUSH_FIELDS: Readonly<Record<PushChannelId, readonly PushFieldSpec[]>> = {
  wecom: [{ name: 'key', secret: true, optional: false }],
  dingtalk: [
    { name: 'accessToken', secret: true, optional: false },
    { name: 'secret', secret: true, optional: true }
  ],
  feishu: [
    { name: 'hook', secret: true, optional: false },
    { name: 'secret', secret: true, optional: true }
  ],
  bark: [
    { name: 'key', secret: true, optional: false },
    { name: 'server', secret: false, optional: true }
  ],
  ntfy: [
    { name: 'topic', secret: true, optional: false },
    { name: 'server', secret: false, optional: true }
  ],
  serverchan: [{ name: 'sendKey', secret: true, optional: false }],
  pushplus: [{ name: 'token', secret: true, optional: false }]
}

/** The words of one push: the same title and body as the desktop notification. */
export interface PushMessage {
  title: string
  body: string
}

/** How a channel stands, as the settings card shows it. */
export interface PushChannelState {
  id: PushChannelId
  enabled: boolean
  /** Whether the required fields are set (their values stay in the main process). */
  configured: boolean
  /** The non-secret fields as saved (a self-hosted server); secret ones are absent. */
  shown: Record<string, string>
  /** ISO 8601 of the last send the service accepted. */
  lastSuccessAt: string | null
  /** The last failure, until a later send succeeds. */
  lastError: { at: string; message: string } | null
  /** Reminders waiting to be retried on this channel. */
  pending: number
}

export interface PushState {
  channels: PushChannelState[]
}

/**
 * A channel's new settings. A field left out keeps what was saved (so the page can change the
 * server without knowing the key); an empty string clears it.
 */
export interface PushConfigureRequest {
  id: PushChannelId
  enabled: boolean
  fields: Record<string, string>
}

/** Why a field was refused; the page words it. */
export type PushFieldProblem = 'required' | 'format' | 'host' | 'https'

export type PushConfigureResult = { saved: true; state: PushState } | { saved: false; field: string; problem: PushFieldProblem }

/** A reminder to push: `key` names the reminders it is about, so the same reminder is never pushed twice to a channel. */
export interface PushSendRequest {
  key: string
  message: PushMessage
}

export type PushTestResult = { ok: true } | { ok: false; error: string }
