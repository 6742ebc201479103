// Tests byte sizes as the user reads them.
import { describe, expect, it } from 'vitest'
import { formatBytes } from './format-bytes'

describe('formatBytes', () => {
  it('picks the unit and rounds as the page shows it', () => {
    expect(formatBytes(0)).toBe('1 KB')
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB')
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.50 GB')
    expect(formatBytes(-1)).toBe('—')
  })
})
