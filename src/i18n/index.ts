// Owns translation: the catalogues, the current language and the t() function.
import { en } from './en'
import { zhCN, type MessageKey } from './zh-CN'
import type { Language } from '@/domain/records'
import { isMessageList, type Message, type MessageParam } from '../domain/message'

export type { MessageKey }

const catalogues: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

export type Params = Record<string, string | number>

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return fill(language, catalogues[language][key], params)
}

/**
 * `{name}` takes the parameter; `{name|one|other}` takes the first form when the parameter is 1
 * and the second otherwise, `#` in a form standing for the number (English plurals).
 */
export const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g

function fill(language: Language, text: string, params: Readonly<Record<string, MessageParam<MessageKey>>> | undefined): string {
  if (!params) return text
  return text.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(params, name)) return whole
    const value = params[name]!
    if (one !== undefined && other !== undefined) return (value === 1 ? one : other).replace('#', String(value))
    return renderParam(language, value)
  })
}

function renderParam(language: Language, param: MessageParam<MessageKey>): string {
  if (typeof param === 'string') return param
  if (typeof param === 'number') return String(param)
  if (!isMessageList(param)) return translateMessage(language, param)
  const items = param.items.map((item) => renderParam(language, item))
  if (param.join === 'names') return items.join(translate(language, 'list.namesSep'))
  const shown = param.max === undefined ? items : items.slice(0, param.max)
  const rest = items.length - shown.length
  return shown.join(translate(language, 'list.sep')) + (rest > 0 ? translate(language, 'list.more', { count: rest }) : '')
}

/** A sentence the domain returned by key (risk flags, readiness), in `language`: the screen's or the report's. */
export function translateMessage(language: Language, message: Message<MessageKey>): string {
  return fill(language, catalogues[language][message.key], message.params)
}

/** For message keys that arrive as data (validation issues): unknown keys fall back to a generic message. */
export function translateKey(language: Language, key: string, params?: Params): string {
  return translate(language, isMessageKey(key) ? key : 'validation.invalid', params)
}
