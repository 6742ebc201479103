// Owns measuring the room a virtual table has: virtual scrolling needs a height in pixels, and the columns that fit need the width.
import { useEffect, useRef, useState } from 'react'

export interface ElementSize {
  width: number
  height: number
}

export function useElementSize<T extends HTMLElement>(fallbackHeight = 480): [React.RefObject<T | null>, ElementSize] {
  const ref = useRef<T>(null)
  const [size, setSize] = useState<ElementSize>({ width: 0, height: fallbackHeight })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const box = el.getBoundingClientRect()
      const next = { width: Math.floor(box.width), height: Math.max(240, Math.floor(box.height)) }
      setSize((was) => (was.width === next.width && was.height === next.height ? was : next))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, size]
}
