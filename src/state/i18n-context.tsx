// Owns the current language in React: read from the stored profile, switchable at any time, and the t() used by components.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { loadProfile, updateProfile } from '@/db/repo'
import { appDb } from '@/db/instance'
import { translate, translateKey, translateMessage, type MessageKey, type Params } from '@/i18n'
import type { Message } from '@/domain/message'
import type { Language } from '@/domain/records'

export interface I18n {
  /** False until the stored language is known, so the shell does not flash the wrong one. */
  ready: boolean
  language: Language
  setLanguage(language: Language): Promise<void>
  t(key: MessageKey, params?: Params): string
  /** For keys that arrive as data, such as validation messages. */
  tk(key: string, params?: Params): string
  /** For sentences the domain returns by key with parameters (risk flags, readiness). */
  tm(message: Message<MessageKey>): string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const profile = useLiveQuery(() => loadProfile(appDb()), [])
  const language: Language = profile?.language ?? 'zh-CN'
  const setLanguage = useCallback(async (next: Language) => {
    await updateProfile(appDb(), { language: next })
  }, [])
  const value = useMemo<I18n>(
    () => ({
      ready: profile !== undefined,
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      tk: (key, params) => translateKey(language, key, params),
      tm: (message) => translateMessage(language, message)
    }),
    [language, setLanguage, profile]
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
