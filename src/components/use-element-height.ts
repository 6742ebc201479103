// Owns measuring the room a virtual table has, since virtual scrolling needs a height in pixels.
import { useEffect, useRef, useState } from 'react'

export function useElementHeight<T extends HTMLElement>(fallback = 480): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [height, setHeight] = useState(fallback)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setHeight(Math.max(240, Math.floor(el.getBoundingClientRect().height)))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, height]
}
