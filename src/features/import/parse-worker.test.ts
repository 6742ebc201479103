// Tests the worker's side of parsing: files numbered on from the batch before, progress as it goes, one answer at the end.
import { describe, expect, it } from 'vitest'
import { ALIPAY_ROWS, JD_ROWS, alipayCsv, jdCsv } from '@/testing/bill-fixtures'
import type { ParseReply } from './parse-protocol'
import { parseRequest } from './parse-worker'

const buffer = (bytes: Uint8Array) => bytes.slice().buffer

describe('parseRequest', () => {
  it('parses every file in order, numbering them from firstIndex, and answers once', async () => {
    const replies: ParseReply[] = []
    await parseRequest(
      {
        id: 7,
        firstIndex: 2,
        files: [
          { name: 'a.csv', bytes: buffer(alipayCsv(ALIPAY_ROWS)) },
          { name: 'j.csv', bytes: buffer(jdCsv(JD_ROWS)) }
        ]
      },
      (m) => replies.push(m)
    )
    const done = replies.filter((r) => r.type === 'done')
    expect(done).toHaveLength(1)
    expect(replies.at(-1)).toBe(done[0])
    const bills = done[0]!.type === 'done' ? done[0]!.bills : []
    expect(bills.map((b) => [b.fileIndex, b.file, b.source, b.rows.length])).toEqual([
      [2, 'a.csv', 'alipay', 12],
      [3, 'j.csv', 'jd', 6]
    ])
    const progress = replies.filter((r) => r.type === 'progress')
    expect(progress.every((r) => r.id === 7)).toBe(true)
    expect(progress.filter((r) => r.type === 'progress' && r.fileIndex === 3).at(-1)).toMatchObject({ fraction: 1 })
  })

  it('answers a file that is no bill with its problem, not with a failure', async () => {
    const replies: ParseReply[] = []
    await parseRequest({ id: 1, firstIndex: 0, files: [{ name: 'x.bin', bytes: new Uint8Array([0, 1, 2, 255]).buffer }] }, (m) => replies.push(m))
    expect(replies.at(-1)).toMatchObject({ type: 'done', bills: [{ file: 'x.bin', rows: [] }] })
  })
})
