// Tests the page's side of parsing where no worker can start (here: Node has no Worker): it says so, and never parses on the page.
import { describe, expect, it } from 'vitest'
import { JD_ROWS, jdCsv } from '@/testing/bill-fixtures'
import { parseFiles, ReaderFailed } from './parse-client'

describe('parseFiles without a worker', () => {
  it('rejects with "unavailable" instead of reading the bill on the page', async () => {
    expect(typeof Worker).toBe('undefined')
    const files = [new File([jdCsv(JD_ROWS).slice().buffer], 'jd.csv')]
    const progress: number[] = []
    const failure = await parseFiles(files, 0, (_i, f) => progress.push(f)).then(
      () => null,
      (e: unknown) => e
    )
    expect(failure).toBeInstanceOf(ReaderFailed)
    expect((failure as ReaderFailed).reason).toBe('unavailable')
    expect(progress).toEqual([])
  })
})
