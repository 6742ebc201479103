// Assembles the Chinese (default) catalogue from the parts: every feature keeps its text in parts/, both languages side by side.
import { shellZh } from './parts/shell'
import { recordsZh } from './parts/records'
import { costZh } from './parts/cost'
import { settingsZh } from './parts/settings'
import { statementZh } from './parts/statement'
import { duesZh } from './parts/dues'
import { importZh } from './parts/import'
import { reportsZh } from './parts/reports'
import { riskZh } from './parts/risk'
import { safetyZh } from './parts/safety'
import { riskTextZh } from './parts/risk-text'
import { listsZh } from './parts/lists'
import { entryZh } from './parts/entry'
import { presetsZh } from './parts/presets'
import { lockZh } from './parts/lock'
import { encryptionZh } from './parts/encryption'
import { calendarFileZh } from './parts/calendar-file'
import { pushZh } from './parts/push'
import { syncZh } from './parts/sync'

export const zhCN = {
  ...shellZh,
  ...recordsZh,
  ...costZh,
  ...settingsZh,
  ...duesZh,
  ...riskZh,
  ...reportsZh,
  ...importZh,
  ...statementZh,
  ...safetyZh,
  ...riskTextZh,
  ...listsZh,
  ...entryZh,
  ...presetsZh,
  ...lockZh,
  ...encryptionZh,
  ...calendarFileZh,
  ...pushZh,
  ...syncZh
}

export type MessageKey = keyof typeof zhCN
