/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { en } from './en'
import { isMessageKey, PLACEHOLDER } from './index'
import { zhCN } from './zh-CN'

/** The parameter names a text uses, plain or plural: '{count} {count|day|days} since {date}' -> count, date. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort()
}

/** The domain's source text (tests left out), read by Vite at build time of the test. */
const domainSources = import.meta.glob<string>(['../domain/**/*.ts', '!../domain/**/*.test.ts'], { query: '?raw', import: 'default', eager: true })

describe('the catalogues', () => {
  it('hold the same keys in both languages', () => {
    const zhKeys = Object.keys(zhCN).sort()
    const enKeys = Object.keys(en).sort()
    expect(zhKeys.filter((k) => !Object.hasOwn(en, k))).toEqual([])
    expect(enKeys.filter((k) => !Object.hasOwn(zhCN, k))).toEqual([])
  })

  it('give each key the same placeholders in both languages', () => {
    const differ = Object.keys(zhCN).flatMap((key) => {
      const a = placeholders(zhCN[key as keyof typeof zhCN])
      const b = placeholders(en[key as keyof typeof en])
      return a.join() === b.join() ? [] : [`${key}: zh {${a.join(', ')}} en {${b.join(', ')}}`]
    })
    expect(differ).toEqual([])
  })

  it('leave no text empty', () => {
    for (const catalogue of [zhCN, en]) expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([])
  })

  it('hold every key the domain returns (the key type makes this a compile error too)', () => {
    const used = new Set<string>()
    expect(Object.keys(domainSources).length).toBeGreaterThan(20)
    for (const source of Object.values(domainSources)) for (const m of source.matchAll(/'(riskText\.[\w.]+)'/g)) used.add(m[1]!)
    // Keys built from a template: `riskText.reason.${reason}`.
    expect(used.size).toBeGreaterThan(90)
    expect([...used].filter((key) => !isMessageKey(key))).toEqual([])
  })
})

describe('the placeholder check', () => {
  it('sees plain and plural placeholders alike', () => {
    expect(placeholders('The draw {label} has been overdue {days} {days|day|days}')).toEqual(['days', 'label'])
    expect(placeholders('Clear the {count|smallest|# smallest} first: {list}.')).toEqual(['count', 'list'])
  })
})
