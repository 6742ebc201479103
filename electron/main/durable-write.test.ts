// Tests durable writes against the fake file system (the order of write, fsync, rename and folder fsync; a full disk; a failed rename; leftovers removed) and on a real folder.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeDurableFs, partialPathFor, removePartials, writeDurably } from './durable-write'
import { fakeDurableFs } from './fake-durable-fs'

const target = '/docs/backup.json'
const partial = partialPathFor(target, 'abcd')

describe('writeDurably', () => {
  it('writes a temporary file, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const fs = fakeDurableFs(['/docs'])
    await writeDurably(fs, target, 'new', { platform: 'linux', partialPath: partial })
    expect(partial).toBe('/docs/.backup.json.abcd.partial')
    expect(fs.log).toEqual([`open w ${partial}`, `write ${partial}`, `sync ${partial}`, `close ${partial}`, `rename ${partial} -> ${target}`, 'open r /docs', 'sync /docs', 'close /docs'])
    expect([...fs.files]).toEqual([[target, 'new']])
  })

  it('on a full disk keeps the previous file whole, removes the temporary one, and says ENOSPC', async () => {
    const fs = fakeDurableFs(['/docs'])
    fs.files.set(target, 'the previous backup')
    fs.failWritesTo(/\.partial$/)
    await expect(writeDurably(fs, target, 'new backup', { platform: 'linux', partialPath: partial })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect([...fs.files]).toEqual([[target, 'the previous backup']])
    expect(fs.log).toContain(`close ${partial}`)
    expect(fs.log.at(-1)).toBe(`remove ${partial}`)
    expect(fs.log.some((l) => l.startsWith('rename'))).toBe(false)
  })

  it('removes the temporary file when the rename fails, leaving the target as it was', async () => {
    const fs = fakeDurableFs(['/docs'])
    fs.files.set(target, 'old')
    fs.failRename(Object.assign(new Error('EXDEV'), { code: 'EXDEV' }))
    await expect(writeDurably(fs, target, 'new', { platform: 'linux', partialPath: partial })).rejects.toThrow('EXDEV')
    expect([...fs.files]).toEqual([[target, 'old']])
  })

  it('creates the folder when asked, and skips the folder fsync on Windows', async () => {
    const fs = fakeDurableFs([])
    await writeDurably(fs, '/data/backups/a.json', 'x', { platform: 'win32', makeDir: true, partialPath: '/data/backups/a.json.partial' })
    expect(fs.log[0]).toBe('mkdir /data/backups')
    expect(fs.log.some((l) => l.startsWith('open r'))).toBe(false)
    expect(fs.files.get('/data/backups/a.json')).toBe('x')
  })
})

describe('removePartials', () => {
  it('removes what unfinished writes left and nothing else', async () => {
    const fs = fakeDurableFs(['/data/backups'])
    fs.files.set('/data/backups/auto-2026-12-01-080000.json', '{}')
    fs.files.set('/data/backups/auto-2026-12-02-080000.json.partial', '{"form')
    fs.files.set('/data/backups/.pre-write-2026-12-02-090000.json.1f2e.partial', '')
    fs.files.set('/data/backups/notes.txt', 'mine')
    expect((await removePartials(fs, '/data/backups')).sort()).toEqual(['.pre-write-2026-12-02-090000.json.1f2e.partial', 'auto-2026-12-02-080000.json.partial'])
    expect([...fs.files.keys()].sort()).toEqual(['/data/backups/auto-2026-12-01-080000.json', '/data/backups/notes.txt'])
  })
})

describe('on a real folder', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('replaces the file whole and leaves no temporary file; bytes stay bytes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-durable-'))
    const path = join(dir, 'report.xlsx')
    writeFileSync(path, 'old')
    await writeDurably(nodeDurableFs(), path, new Uint8Array([0x50, 0x4b, 3, 4]), { platform: process.platform })
    expect([...readFileSync(path)]).toEqual([0x50, 0x4b, 3, 4])
    await writeDurably(nodeDurableFs(), path, '中文 ✓', { platform: process.platform })
    expect(readFileSync(path, 'utf8')).toBe('中文 ✓')
    expect(readdirSync(dir)).toEqual(['report.xlsx'])
  })

  it('leaves the old file when the folder is gone before the write', async () => {
    dir = mkdtempSync(join(tmpdir(), 'credit-ledger-durable-'))
    await expect(writeDurably(nodeDurableFs(), join(dir, 'missing', 'x.json'), 'x', { platform: process.platform })).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
