// Owns single-key shortcuts of a page (N to add, / to search), ignored while the user types in a field or a dialog is open.
import { useEffect, useRef } from 'react'

/** A dialog or drawer on screen owns the keyboard; closed ones stay in the DOM hidden, so visibility decides. */
function overlayOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-drawer-open')].some((el) => el.offsetParent !== null || el.getClientRects().length > 0)
}

/** Whether a page shortcut should stay quiet: the user is typing, or a dialog or drawer is open. */
export function typingOrOverlay(e: KeyboardEvent): boolean {
  const target = e.target instanceof HTMLElement ? e.target : null
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return true
  return overlayOpen()
}

/** How many mounted pages answer each key: the shell's fallback for a key (N's chooser) stays quiet while a page has its own. */
const claims = new Map<string, number>()

export function useHotkey(key: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    if (!enabled) return
    claims.set(key, (claims.get(key) ?? 0) + 1)
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingOrOverlay(e)) return
      if (e.key.toLowerCase() === key) {
        e.preventDefault()
        ref.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      claims.set(key, (claims.get(key) ?? 1) - 1)
      window.removeEventListener('keydown', onKey)
    }
  }, [key, enabled])
}

/** The shell's answer to a key on pages that have none of their own (N on the home page opens the chooser). */
export function useFallbackHotkey(key: string, handler: () => void): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingOrOverlay(e)) return
      if (e.key.toLowerCase() === key && (claims.get(key) ?? 0) === 0) {
        e.preventDefault()
        ref.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [key])
}

/** Ctrl+K (⌘+K on a Mac): answered even while typing in a field, but not over a dialog. */
export function useModKHotkey(handler: () => void): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k') return
      e.preventDefault()
      if (overlayOpen()) return
      ref.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
