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

export function useHotkey(key: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingOrOverlay(e)) return
      if (e.key.toLowerCase() === key) {
        e.preventDefault()
        ref.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [key, enabled])
}
