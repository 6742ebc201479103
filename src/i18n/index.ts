// Owns translation: the catalogues, the current language and the t() function.
import { en } from './en'
import { zhCN, type MessageKey } from './zh-CN'
import type { Language } from '@/domain/records'

export type { MessageKey }

const catalogues: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

export type Params = Record<string, string | number>

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = catalogues[language][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** For message keys that arrive as data (validation issues): unknown keys fall back to a generic message. */
export function translateKey(language: Language, key: string, params?: Params): string {
  return translate(language, isMessageKey(key) ? key : 'validation.invalid', params)
}
