// Owns the remembered answer to "which account is this payment method?": product name to account id, kept in the meta table.
import { z } from 'zod'

export const PRODUCT_ACCOUNTS_KEY = 'import.productAccounts'

/** 花呗 -> the user's 花呗 account, 招商银行信用卡(5678) -> their card, or SKIP_PRODUCT ('skip') for a method left out. */
export const productAccountsSchema = z.record(z.string().min(1).max(60), z.string().min(1).max(64))
export type ProductAccounts = z.infer<typeof productAccountsSchema>
