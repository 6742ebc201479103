// Owns waiting for the frame: a component shows its frame first and its heavy part (a chart) in a later task, so a page switch reaches the screen before the heavy work runs.
import { useEffect, useState } from 'react'

/** False on the first render; true once the browser has painted the frame that holds it. */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // The frame is painted after the animation frame's callbacks; the task after that is after the paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [])
  return painted
}
