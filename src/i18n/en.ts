// Assembles the English catalogue from the same parts; the type makes a missing or extra key a compile error.
import { shellEn } from './parts/shell'
import { recordsEn } from './parts/records'
import { costEn } from './parts/cost'
import { settingsEn } from './parts/settings'
import { statementEn } from './parts/statement'
import { duesEn } from './parts/dues'
import { importEn } from './parts/import'
import { reportsEn } from './parts/reports'
import { riskEn } from './parts/risk'
import { safetyEn } from './parts/safety'
import { riskTextEn } from './parts/risk-text'
import { listsEn } from './parts/lists'
import { entryEn } from './parts/entry'
import { presetsEn } from './parts/presets'
import { lockEn } from './parts/lock'
import { encryptionEn } from './parts/encryption'
import { calendarFileEn } from './parts/calendar-file'
import { pushEn } from './parts/push'
import { syncEn } from './parts/sync'
import type { MessageKey } from './zh-CN'

export const en: Record<MessageKey, string> = {
  ...shellEn,
  ...recordsEn,
  ...costEn,
  ...settingsEn,
  ...duesEn,
  ...riskEn,
  ...reportsEn,
  ...importEn,
  ...statementEn,
  ...safetyEn,
  ...riskTextEn,
  ...listsEn,
  ...entryEn,
  ...presetsEn,
  ...lockEn,
  ...encryptionEn,
  ...calendarFileEn,
  ...pushEn,
  ...syncEn
}
