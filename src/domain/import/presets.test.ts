import { describe, expect, it } from 'vitest'
import { accountSchema } from '../records'
import { PRODUCT_PRESETS, importAccountName, presetAccount, presetById, presetForImport, productPresetSchema } from './presets'
import { creditProduct } from './products'

describe('product presets', () => {
  it('every preset parses and produces a saveable account with no other input', () => {
    for (const p of PRODUCT_PRESETS) {
      expect(productPresetSchema.safeParse(p).success, p.id).toBe(true)
      // "other" leaves the name to the user; every other preset saves as it is.
      const name = p.id === 'other' ? '其他账户' : undefined
      const result = accountSchema.safeParse({ id: `acc-${p.id}`, ...presetAccount(p, name) })
      expect(result.success, `${p.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true)
      expect(p.source.length, p.id).toBeGreaterThan(20)
    }
  })

  it('ids are unique and cover the products users hold', () => {
    const ids = PRODUCT_PRESETS.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const name of ['花呗', '借呗', '网商贷', '网商贷（聚合码）', '微粒贷', '京东金条', '京东白条', '微信分付', '美团月付', '抖音月付', '芝麻先用后付', '京东先享后付', '招商银行信用卡', '工商银行信用卡', '建设银行信用卡', '中国银行信用卡', '交通银行信用卡', '车贷', '银行消费贷', '其他'])
      expect(PRODUCT_PRESETS.some((p) => p.name === name), name).toBe(true)
  })

  it('花呗 has its statement and due days, bill terms and 征信 name', () => {
    const a = presetAccount(presetById('huabei')!)
    // 花呗's terms as commonly described: bill on the 1st, due on the 10th.
    expect(a).toMatchObject({ name: '花呗', kind: 'bnplStatement', statementDay: 1, dueDay: 10, reportsToCredit: 'yes', reportName: '重庆蚂蚁消费金融有限公司' })
    // DOMAIN.md "Statement credit": minimum 10%, 0.05% a day on the unpaid part from the day after the due day, no 违约金.
    expect(a.statementTerms).toEqual({ minimumPercent: 10, revolvingDailyRate: 0.0005, revolvingMethod: 'unpaidFromDueNext', graceDays: 0, lateFeePercent: 0 })
    // DOMAIN.md "Repayment methods": 罚息 1.3x-1.5x; the preset takes 1.5.
    expect(a.penaltyMultiplier).toBe(1.5)
  })

  it('cash lines state the usual daily rate from DOMAIN.md', () => {
    // DOMAIN.md "Products": 0.02%-0.05% a day; 网商贷 around 0.03%-0.05%.
    expect(presetById('jiebei')!.usualRate).toEqual({ unit: 'daily', low: 0.0002, high: 0.0005 })
    expect(presetById('mybank')!.usualRate).toEqual({ unit: 'daily', low: 0.0003, high: 0.0005 })
    expect(presetAccount(presetById('jiebei')!).reportName).toBe('重庆蚂蚁消费金融有限公司')
  })

  it('credit cards carry the card bill terms (BANK): 10% minimum, 0.05%/day on the whole bill, 3 grace days, 违约金 5%', () => {
    const a = presetAccount(presetById('card-cmb')!)
    // DOMAIN.md reference scenario: statement day 5, due day 23.
    expect(a).toMatchObject({ kind: 'creditCard', statementDay: 5, dueDay: 23 })
    expect(a.statementTerms).toEqual({ minimumPercent: 10, revolvingDailyRate: 0.0005, revolvingMethod: 'fullFromPosting', graceDays: 3, lateFeePercent: 5 })
  })

  it('pay-later orders get a 14-day window (DOMAIN.md: 7-14 days)', () => {
    expect(presetAccount(presetById('zhima-later')!).payLaterWindowDays).toBe(14)
  })

  it('every product the import recognises maps to a preset whose account saves', () => {
    const methods = ['花呗', '花呗&红包', '分付', '京东白条', '美团月付', '抖音月付', '月付', '先用后付', '先享后付', '招商银行信用卡(5678)', '工商银行信用卡', '某某银行信用卡(1234)']
    for (const m of methods) {
      const product = creditProduct(m)!
      expect(product, m).not.toBeNull()
      const preset = presetForImport(product)
      expect(preset.account.kind, m).toBe(product.kind)
      const result = accountSchema.safeParse({ id: 'x', ...presetAccount(preset, importAccountName(product)) })
      expect(result.success, `${m}: ${JSON.stringify(result.error?.issues)}`).toBe(true)
    }
    expect(presetForImport(creditProduct('花呗')!).id).toBe('huabei')
    expect(presetForImport(creditProduct('招商银行信用卡(5678)')!).id).toBe('card-cmb')
    expect(presetForImport(creditProduct('某某银行信用卡(1234)')!).id).toBe('card-other')
    expect(importAccountName(creditProduct('分付')!)).toBe('微信分付')
    expect(importAccountName(creditProduct('招商银行信用卡(5678)')!)).toBe('招商银行信用卡(5678)')
  })
})
