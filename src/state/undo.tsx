// Owns undo of deletes: the last removal can be put back from the notice's button or with Ctrl+Z.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { App as AntApp, Button } from 'antd'
import { appDb } from '@/db/instance'
import { countRemoved, deleteRecord, restoreRemoved, type Removed } from '@/db/repo'
import type { RecordType } from '@/domain/records'
import { isValidationError } from '@/domain/validation-error'
import { isBulkWriteError } from '@/db/bulk-write'
import { typingOrOverlay } from '@/state/use-hotkey'
import { useI18n, type I18n } from './i18n-context'

interface UndoApi {
  /** Deletes a record (and what depends on it) and offers to undo it. */
  remove(type: RecordType, id: string): Promise<void>
  /** Offers an arbitrary undo, e.g. of replacing the ledger with sample data. */
  offer(message: string, undo: () => Promise<void>, undoneMessage: string): void
  /** Takes the offer back (the app locked): nothing can be undone until something new is offered. */
  withdraw(): void
}

const UndoContext = createContext<UndoApi | null>(null)
const NOTICE_KEY = 'undo'

/** Words for a failed bulk write (what it did to the data): the backup feature's, handed in by the shell. */
export type BulkFailureWords = (error: unknown, t: I18n['t'], tk: I18n['tk']) => string

export function UndoProvider({ children, bulkFailureWords }: { children: ReactNode; bulkFailureWords: BulkFailureWords }) {
  const { notification, message } = AntApp.useApp()
  const { t, tk } = useI18n()
  const last = useRef<{ undo: () => Promise<void>; undoneMessage: string } | null>(null)

  const failed = useCallback(
    (e: unknown) => {
      // An undo that replaces the ledger is a bulk write: say what it found, not what it assumes.
      if (isBulkWriteError(e)) {
        void message.error(bulkFailureWords(e, t, tk), 10)
        return
      }
      const key = isValidationError(e) ? e.issues[0]?.message : undefined
      void message.error(key ? tk(key) : t('common.saveFailed', { reason: e instanceof Error ? e.message : String(e) }))
    },
    [message, t, tk, bulkFailureWords]
  )

  const runUndo = useCallback(async () => {
    const entry = last.current
    if (!entry) return
    try {
      await entry.undo()
      last.current = null
      notification.destroy(NOTICE_KEY)
      void message.success(entry.undoneMessage)
    } catch (e) {
      // Nothing was written; the undo stays on offer in case the conflict is cleared.
      failed(e)
    }
  }, [notification, message, failed])

  const offer = useCallback<UndoApi['offer']>(
    (text, undo, undoneMessage) => {
      last.current = { undo, undoneMessage }
      notification.open({
        key: NOTICE_KEY,
        title: text,
        duration: 10,
        placement: 'bottomRight',
        actions: (
          <Button type="primary" size="small" onClick={() => void runUndo()} data-testid="undo-button">
            {t('common.undo')}
          </Button>
        ),
        onClose: () => {
          if (last.current?.undo === undo) last.current = null
        }
      })
    },
    [notification, runUndo, t]
  )

  const remove = useCallback<UndoApi['remove']>(
    async (type, id) => {
      try {
        const removed: Removed = await deleteRecord(appDb(), type, id)
        offer(t('common.deleted', { count: countRemoved(removed) }), () => restoreRemoved(appDb(), removed), t('common.restored'))
      } catch (e) {
        failed(e)
      }
    },
    [offer, t, failed]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingOrOverlay(e)) return
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && last.current) {
        e.preventDefault()
        void runUndo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [runUndo])

  const withdraw = useCallback(() => {
    last.current = null
    notification.destroy(NOTICE_KEY)
  }, [notification])

  const api = useMemo(() => ({ remove, offer, withdraw }), [remove, offer, withdraw])
  return <UndoContext.Provider value={api}>{children}</UndoContext.Provider>
}

export function useUndo(): UndoApi {
  const value = useContext(UndoContext)
  if (!value) throw new Error('useUndo outside UndoProvider')
  return value
}
