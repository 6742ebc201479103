// Tests the page's side of parsing where no worker can start (here: Node has no Worker): the same answer, parsed in place.
import { describe, expect, it } from 'vitest'
import { JD_ROWS, MEITUAN_ROWS, jdCsv, meituanCsv } from '@/domain/import/bill-fixtures'
import { parseFiles } from './parse-client'

describe('parseFiles without a worker', () => {
  it('falls back to parsing on the page, numbering files from firstIndex and reporting progress', async () => {
    expect(typeof Worker).toBe('undefined')
    const files = [new File([jdCsv(JD_ROWS).slice().buffer], 'jd.csv'), new File([meituanCsv(MEITUAN_ROWS).slice().buffer], 'meituan.csv')]
    const seen: [number, number][] = []
    const bills = await parseFiles(files, 4, (fileIndex, fraction) => seen.push([fileIndex, fraction]))
    expect(bills.map((b) => [b.fileIndex, b.file, b.source, b.rows.length])).toEqual([
      [4, 'jd.csv', 'jd', 6],
      [5, 'meituan.csv', 'meituan', 5]
    ])
    expect(seen).toContainEqual([5, 1])
  })
})
