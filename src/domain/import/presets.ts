// Owns the product presets a new account starts from (花呗, 借呗, a bank's credit card...): kind, statement and due days or pay-later window, usual rate, 征信 reporting and lender name, penalty and bill terms, each with where its figures come from.
import { z } from 'zod'
import { BNPL_STATEMENT_TERMS, CREDIT_CARD_TERMS, DEFAULT_REPAYMENT_ORDER } from '../account-terms'
import type { CreditProduct } from './products'
import { RATE_LIMITS, RATE_UNITS, accountSchema, type Account } from '../records'

export const PRESET_GROUPS = ['bnpl', 'cashLoan', 'payLater', 'creditCard', 'termLoan', 'other'] as const
export type PresetGroup = (typeof PRESET_GROUPS)[number]

const shape = accountSchema.shape
/** The account fields a preset fills, each with the account schema's own rule; everything else (id, limit, notes) is the user's. */
const presetAccountSchema = z.object({
  kind: shape.kind,
  statementDay: shape.statementDay,
  dueDay: shape.dueDay,
  payLaterWindowDays: shape.payLaterWindowDays,
  reportsToCredit: shape.reportsToCredit,
  reportName: shape.reportName,
  penaltyMultiplier: shape.penaltyMultiplier,
  repaymentOrder: shape.repaymentOrder,
  statementTerms: shape.statementTerms
})

export const productPresetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    group: z.enum(PRESET_GROUPS),
    /** The product as people call it, which the new account is named after. */
    name: z.string().min(1).max(40),
    nameEn: z.string().min(1).max(60),
    account: presetAccountSchema,
    /**
     * The rate the product usually quotes, for display beside the preset: the account itself holds no
     * rate (each draw or 分期 carries its own). Null where there is no rate to speak of.
     */
    usualRate: z
      .object({ unit: z.enum(RATE_UNITS), low: z.number().min(0), high: z.number().min(0) })
      .refine((r) => r.low <= r.high && r.high <= RATE_LIMITS[r.unit])
      .nullable(),
    /** Where the values come from, and how sure they are. */
    source: z.string().min(1)
  })
  // The cross-field rules too (a statement kind needs its days and terms): the preset alone must make a saveable account.
  .refine((p) => accountSchema.safeParse({ id: 'preset', name: p.name, creditLimit: null, notes: '', archived: false, ...p.account }).success, {
    path: ['account']
  })
export type ProductPreset = z.infer<typeof productPresetSchema>

type PresetAccount = ProductPreset['account']

/** DOMAIN.md "Repayment methods": 罚息 usually 1.3x-1.5x the contract rate (PRODUCT); 1.5 is the common upper figure. */
const PENALTY = 1.5
const TYPICAL = 'typical, check your contract'

function bnpl(statementDay: number, dueDay: number, reportsToCredit: PresetAccount['reportsToCredit'], reportName: string): PresetAccount {
  return { kind: 'bnplStatement', statementDay, dueDay, payLaterWindowDays: null, reportsToCredit, reportName, penaltyMultiplier: PENALTY, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: { ...BNPL_STATEMENT_TERMS } }
}
function cashLine(reportName: string, reportsToCredit: PresetAccount['reportsToCredit'] = 'yes'): PresetAccount {
  return { kind: 'cashLoanLine', statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit, reportName, penaltyMultiplier: PENALTY, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: null }
}
function payLater(windowDays: number): PresetAccount {
  return { kind: 'payLaterOrder', statementDay: null, dueDay: null, payLaterWindowDays: windowDays, reportsToCredit: 'unknown', reportName: '', penaltyMultiplier: PENALTY, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: null }
}
function card(statementDay: number, dueDay: number, reportName: string): PresetAccount {
  return { kind: 'creditCard', statementDay, dueDay, payLaterWindowDays: null, reportsToCredit: 'yes', reportName, penaltyMultiplier: PENALTY, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: { ...CREDIT_CARD_TERMS } }
}
function termLoan(reportName: string): PresetAccount {
  return { kind: 'termLoan', statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'yes', reportName, penaltyMultiplier: PENALTY, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: null }
}

/** DOMAIN.md "Products": cash lines typically 0.02%-0.05% a day; 网商贷 around 0.03%-0.05%. */
const CASH_DAILY = { unit: 'daily', low: 0.0002, high: 0.0005 } as const
/** DOMAIN.md "Statement credit": revolving interest 0.05% a day is the traditional figure. */
const REVOLVING_DAILY = { unit: 'daily', low: 0.0005, high: 0.0005 } as const

/** Card issuers: the statement day is chosen per card; the gap to the due day is the issuer's (BANK, typical). */
const CARD_SOURCE = (gap: number) =>
  `DOMAIN.md "Statement credit" (BANK): minimum 10%, 0.05%/day revolving on the whole bill, 3 grace days, 违约金 5%. Statement day 5 is only an example (each card has its own, printed on the bill); due ${gap} days later is this issuer's usual interest-free gap; ${TYPICAL}. Report name as commonly printed on the 征信 report.`

const PRESET_DATA: readonly ProductPreset[] = [
  {
    id: 'huabei',
    group: 'bnpl',
    name: '花呗',
    nameEn: 'Huabei (Alipay)',
    account: bnpl(1, 10, 'yes', '重庆蚂蚁消费金融有限公司'),
    usualRate: REVOLVING_DAILY,
    source: `花呗's public terms as commonly described: bill on the 1st, due on the 10th (some users chose the 15th); reports to 征信 as 重庆蚂蚁消费金融有限公司 (DOMAIN.md "征信"); bill terms from DOMAIN.md "Statement credit" (PRODUCT); ${TYPICAL}.`
  },
  {
    id: 'jiebei',
    group: 'cashLoan',
    name: '借呗',
    nameEn: 'Jiebei (Alipay)',
    account: cashLine('重庆蚂蚁消费金融有限公司'),
    usualRate: CASH_DAILY,
    source: `DOMAIN.md "Products": each draw is its own loan, daily rate typically 0.02%-0.05%; reports to 征信 as 重庆蚂蚁消费金融有限公司; ${TYPICAL}.`
  },
  {
    id: 'mybank',
    group: 'cashLoan',
    name: '网商贷',
    nameEn: 'MYbank loan (app)',
    account: cashLine('浙江网商银行股份有限公司'),
    usualRate: { unit: 'daily', low: 0.0003, high: 0.0005 },
    source: `DOMAIN.md "Products": 网商贷 around 0.03%-0.05% a day; every draw shows on 征信 (DOMAIN.md "征信", FOLK) under 浙江网商银行股份有限公司; ${TYPICAL}.`
  },
  {
    id: 'mybank-qr',
    group: 'cashLoan',
    name: '网商贷（聚合码）',
    nameEn: 'MYbank loan (merchant QR)',
    account: cashLine('浙江网商银行股份有限公司'),
    usualRate: { unit: 'daily', low: 0.0003, high: 0.0005 },
    source: `DOMAIN.md "Products": a scan of the merchant QR is a draw at the same daily rate, 随借随还, with a per-draw cap (e.g. 5,000); reports as 浙江网商银行股份有限公司; ${TYPICAL}.`
  },
  {
    id: 'weilidai',
    group: 'cashLoan',
    name: '微粒贷',
    nameEn: 'Weilidai (WeBank)',
    account: cashLine('深圳前海微众银行股份有限公司'),
    usualRate: CASH_DAILY,
    source: `DOMAIN.md "Products": daily rate typically 0.02%-0.05%; lent by 深圳前海微众银行股份有限公司, which reports to 征信; ${TYPICAL}.`
  },
  {
    id: 'jd-jintiao',
    group: 'cashLoan',
    name: '京东金条',
    nameEn: 'JD Jintiao',
    account: cashLine(''),
    usualRate: CASH_DAILY,
    source: `DOMAIN.md "Products": daily rate typically 0.02%-0.05%; reported by the bank or lender that funds each draw, so the name on the report varies: type it from your report; ${TYPICAL}.`
  },
  {
    id: 'jd-baitiao',
    group: 'bnpl',
    name: '京东白条',
    nameEn: 'JD Baitiao',
    account: bnpl(1, 10, 'unknown', ''),
    usualRate: REVOLVING_DAILY,
    source: `DOMAIN.md "Statement credit" (PRODUCT) for the bill terms; statement and due day are chosen per user (1st and 10th is an example); whether it reports to 征信 varies (DOMAIN.md "征信"); ${TYPICAL}.`
  },
  {
    id: 'wechat-fenfu',
    group: 'bnpl',
    name: '微信分付',
    nameEn: 'WeChat Fenfu',
    account: bnpl(1, 10, 'unknown', ''),
    usualRate: REVOLVING_DAILY,
    source: `DOMAIN.md "Statement credit" (PRODUCT) for the bill terms; statement and due day are chosen per user (1st and 10th is an example); 征信 reporting varies (DOMAIN.md "征信"); ${TYPICAL}.`
  },
  {
    id: 'meituan-yuefu',
    group: 'bnpl',
    name: '美团月付',
    nameEn: 'Meituan Yuefu',
    account: bnpl(1, 10, 'unknown', ''),
    usualRate: REVOLVING_DAILY,
    source: `DOMAIN.md "Statement credit" (PRODUCT) for the bill terms; statement and due day are chosen per user (1st and 10th is an example); 征信 reporting varies; ${TYPICAL}.`
  },
  {
    id: 'douyin-yuefu',
    group: 'bnpl',
    name: '抖音月付',
    nameEn: 'Douyin Yuefu',
    account: bnpl(1, 10, 'unknown', ''),
    usualRate: REVOLVING_DAILY,
    source: `DOMAIN.md "Statement credit" (PRODUCT) for the bill terms; statement and due day are chosen per user (1st and 10th is an example); 征信 reporting varies; ${TYPICAL}.`
  },
  {
    id: 'zhima-later',
    group: 'payLater',
    name: '芝麻先用后付',
    nameEn: 'Zhima pay later',
    account: payLater(14),
    usualRate: null,
    source: `DOMAIN.md "征信" (PRODUCT, seed article): each order is due within its window, 7-14 days; free on time, late payment hurts 芝麻分 and may cost a fee; 征信 reporting unknown; ${TYPICAL}.`
  },
  {
    id: 'jd-later',
    group: 'payLater',
    name: '京东先享后付',
    nameEn: 'JD pay later',
    account: payLater(14),
    usualRate: null,
    source: `DOMAIN.md "Products" (per-order pay-later): due on its own, usually 7-14 days after the order or after use; 征信 reporting unknown; ${TYPICAL}.`
  },
  { id: 'card-cmb', group: 'creditCard', name: '招商银行信用卡', nameEn: 'China Merchants Bank credit card', account: card(5, 23, '招商银行股份有限公司信用卡中心'), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(18) },
  { id: 'card-icbc', group: 'creditCard', name: '工商银行信用卡', nameEn: 'ICBC credit card', account: card(5, 30, '中国工商银行股份有限公司'), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(25) },
  { id: 'card-ccb', group: 'creditCard', name: '建设银行信用卡', nameEn: 'China Construction Bank credit card', account: card(5, 25, '中国建设银行股份有限公司'), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(20) },
  { id: 'card-boc', group: 'creditCard', name: '中国银行信用卡', nameEn: 'Bank of China credit card', account: card(5, 25, '中国银行股份有限公司'), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(20) },
  { id: 'card-bocom', group: 'creditCard', name: '交通银行信用卡', nameEn: 'Bank of Communications credit card', account: card(5, 30, '交通银行股份有限公司太平洋信用卡中心'), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(25) },
  { id: 'card-abc', group: 'creditCard', name: '农业银行信用卡', nameEn: 'Agricultural Bank of China credit card', account: card(5, 25, '中国农业银行股份有限公司'), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(20) },
  { id: 'card-other', group: 'creditCard', name: '信用卡', nameEn: 'Credit card (other bank)', account: card(5, 23, ''), usualRate: REVOLVING_DAILY, source: CARD_SOURCE(18) },
  {
    id: 'car-loan',
    group: 'termLoan',
    name: '车贷',
    nameEn: 'Car loan',
    account: termLoan(''),
    usualRate: { unit: 'annual', low: 0.03, high: 0.12 },
    source: `DOMAIN.md "Products" (term loan: fixed term and method, annual rate); the rate range is a broad typical span across banks and auto-finance companies; reports to 征信 under the lender named in your contract; ${TYPICAL}.`
  },
  {
    id: 'bank-consumer-loan',
    group: 'termLoan',
    name: '银行消费贷',
    nameEn: 'Bank consumer loan',
    account: termLoan(''),
    usualRate: { unit: 'annual', low: 0.03, high: 0.18 },
    source: `DOMAIN.md "Products" (term loan: fixed term and method, annual rate); the rate range is a broad typical span; bank loans report to 征信 under the bank's name; ${TYPICAL}.`
  },
  {
    id: 'other',
    group: 'other',
    name: '其他',
    nameEn: 'Other',
    account: { kind: 'other', statementDay: null, dueDay: null, payLaterWindowDays: null, reportsToCredit: 'unknown', reportName: '', penaltyMultiplier: PENALTY, repaymentOrder: DEFAULT_REPAYMENT_ORDER, statementTerms: null },
    usualRate: null,
    source: `No product terms: the app's defaults (penalty 1.5x, DOMAIN.md "Repayment methods"); fill in your own.`
  }
]

/** Every preset, checked against the schema when the module loads so bad data fails at once. */
export const PRODUCT_PRESETS: readonly ProductPreset[] = PRESET_DATA.map((p) => productPresetSchema.parse(p))

export function presetById(id: string): ProductPreset | undefined {
  return PRODUCT_PRESETS.find((p) => p.id === id)
}

/**
 * The fields a new account from this preset starts with, named after the product ("other" leaves the
 * name to the user). The caller adds the id; every field stays editable in the form.
 */
export function presetAccount(preset: ProductPreset, name: string = preset.id === 'other' ? '' : preset.name): Omit<Account, 'id'> {
  return {
    name: name.slice(0, 40),
    creditLimit: null,
    notes: '',
    archived: false,
    ...preset.account,
    statementTerms: preset.account.statementTerms ? { ...preset.account.statementTerms } : null
  }
}

const CARD_PRESET_BY_BANK: Record<string, string> = {
  招商银行: 'card-cmb',
  工商银行: 'card-icbc',
  建设银行: 'card-ccb',
  中国银行: 'card-boc',
  交通银行: 'card-bocom',
  农业银行: 'card-abc'
}

/**
 * The preset for a product named in an imported bill (花呗, 分付, 白条, 美团月付, 先用后付,
 * 招商银行信用卡(5678)...). Every product the import recognises maps to one, so an account it
 * creates always has what its kind needs (a 花呗 has its statement and due days).
 */
export function presetForImport(product: CreditProduct): ProductPreset {
  const n = product.name
  const byId = (id: string) => presetById(id)!
  if (n.includes('花呗')) return byId('huabei')
  if (n.includes('分付')) return byId('wechat-fenfu')
  if (n.includes('白条')) return byId('jd-baitiao')
  if (n.includes('抖音')) return byId('douyin-yuefu')
  if (n.includes('月付')) return byId('meituan-yuefu')
  if (n.includes('先享后付')) return byId('jd-later')
  if (n.includes('先用后付')) return byId('zhima-later')
  if (product.kind === 'creditCard') {
    const bank = Object.keys(CARD_PRESET_BY_BANK).find((b) => n.includes(b))
    return byId(bank ? CARD_PRESET_BY_BANK[bank]! : 'card-other')
  }
  const fallback = PRODUCT_PRESETS.find((p) => p.account.kind === product.kind)
  return fallback ?? byId('other')
}

/** The name an imported product's account starts with: the product as people call it, keeping a card's bank and last digits. */
export function importAccountName(product: CreditProduct): string {
  const names: Record<string, string> = { 分付: '微信分付', 白条: '京东白条', 先用后付: '芝麻先用后付', 先享后付: '京东先享后付' }
  return (names[product.name] ?? product.name).slice(0, 40)
}
