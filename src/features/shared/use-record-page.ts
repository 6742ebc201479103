// Owns the state every record page shares: which record is open in the detail view and which is being edited.
import { useCallback, useState } from 'react'

export type Editing<T> = { mode: 'new'; preset?: Partial<T> } | { mode: 'edit'; record: T } | null

export function useRecordPage<T>() {
  const [editing, setEditing] = useState<Editing<T>>(null)
  const [viewing, setViewing] = useState<T | null>(null)
  const startNew = useCallback((preset?: Partial<T>) => setEditing({ mode: 'new', preset }), [])
  const startEdit = useCallback((record: T) => {
    setViewing(null)
    setEditing({ mode: 'edit', record })
  }, [])
  const close = useCallback(() => setEditing(null), [])
  return { editing, viewing, setViewing, startNew, startEdit, close }
}
