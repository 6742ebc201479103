// Owns the import wizard: choose or drop bill files, answer which account each payment method is, review every row, write once, see what was made.
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react'
import { App as AntApp, Alert, Button, Checkbox, Progress, Space, Tag, Tooltip, Upload } from 'antd'
import { InboxOutlined } from '@ant-design/icons'
import { useLiveQuery } from 'dexie-react-hooks'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useUndo } from '@/state/undo'
import { appDb } from '@/db/instance'
import { isValidationError } from '@/domain/validation-error'
import { isBulkWriteError } from '@/db/bulk-write'
import { bulkWriteDeps } from '@/platform/bulk-deps'
import { bulkFailureText } from '../backup/write-failure-text'
import { newId } from '@/db/repo'
import { planImport, SKIP_PRODUCT } from '@/domain/import/plan'
import type { CreditProduct } from '@/domain/import/products'
import { indexLedger, reviewImport, type Review } from '@/domain/import/review'
import { isFileProblem, type BillRow, type ParsedBill } from '@/domain/import/types'
import { MAX_BILL_ROWS } from '@/domain/import/limits'
import { ORDER_ACCOUNT_KINDS } from '@/domain/records'
import { PageFrame } from '@/components/PageFrame'
import { AccountModal } from '../accounts/AccountModal'
import { commitImport, loadProductAccounts, undoImport, type CommittedImport } from './commit'
import { groupDigits, isWritable } from './import-view'
import { parseFiles, ReaderFailed } from './parse-client'
import { PreviewTable } from './PreviewTable'
import { ProblemList } from './ProblemList'
import { ProductAccounts, suggestedAccount, type ProductLine } from './ProductAccounts'
import { ImportSummary } from './ImportSummary'
import './import.css'

interface Reading {
  names: string[]
  first: number
  fileIndex: number
  fraction: number
}

const NO_CHOICES: ReadonlyMap<string, string> = new Map()
const NONE: ReadonlySet<string> = new Set()
const NO_ROWS: readonly BillRow[] = []
const EMPTY_REVIEW: Review = { change: { orders: [], repayments: [], updated: [] }, blocked: new Map(), included: new Set(), origin: new Map(), unresolved: false, rounds: 0 }

export function ImportPage() {
  const { t, tk } = useI18n()
  const ledger = useLedger()
  const undo = useUndo()
  const { message } = AntApp.useApp()
  const remembered = useLiveQuery(() => loadProductAccounts(appDb()), [])
  const [files, setFiles] = useState<string[]>([])
  const [bills, setBills] = useState<ParsedBill[]>([])
  const [reading, setReading] = useState<Reading | null>(null)
  const [userChoices, setUserChoices] = useState<ReadonlyMap<string, string>>(NO_CHOICES)
  const [off, setOff] = useState<ReadonlySet<string>>(NONE)
  const [acknowledged, setAcknowledged] = useState(false)
  const [writing, setWriting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<CommittedImport | null>(null)
  const [undoing, setUndoing] = useState(false)
  const [creating, setCreating] = useState<CreditProduct | null>(null)
  const [markPaid, setMarkPaid] = useState(false)
  const reader = useRef<AbortController | null>(null)

  const choices = useMemo(() => new Map([...Object.entries(remembered ?? {}), ...userChoices]), [remembered, userChoices])
  const allRows = useMemo(() => bills.flatMap((b) => b.rows), [bills])
  // One import takes at most MAX_BILL_ROWS rows: past it nothing is planned, and the page says why.
  const tooManyRows = allRows.length > MAX_BILL_ROWS
  const rows = tooManyRows ? NO_ROWS : allRows
  const problems = useMemo(() => bills.flatMap((b) => b.problems), [bills])
  const existing = useMemo(() => ({ accounts: ledger.accounts, orders: ledger.orders, repayments: ledger.repayments }), [ledger.accounts, ledger.orders, ledger.repayments])
  const plan = useMemo(() => (remembered === undefined ? [] : planImport({ rows, existing, choices, newId })), [rows, existing, choices, remembered])
  const index = useMemo(() => indexLedger(existing), [existing])
  const selected = useMemo(() => new Set(plan.filter((p) => isWritable(p) && !off.has(p.key)).map((p) => p.key)), [plan, off])
  const paidBefore = markPaid ? ledger.today : null
  // A switch answers at once; the review of what the choice means (tens of milliseconds against a
  // heavy ledger) follows in a render of its own.
  const reviewed = useDeferredValue(selected)
  // A review that throws (it should not) must not leave counts on the page that nothing backs.
  const reviewResult = useMemo((): { review: Review; error: null } | { review: Review; error: string } => {
    try {
      return { review: reviewImport(plan, reviewed, index, { paidBefore }), error: null }
    } catch (e) {
      return { review: EMPTY_REVIEW, error: e instanceof Error ? e.message : String(e) }
    }
  }, [plan, reviewed, index, paidBefore])
  const review = reviewResult.review

  const lines = useMemo<ProductLine[]>(() => {
    const byName = new Map<string, ProductLine>()
    for (const p of plan) {
      if (!p.product || !(p.state === 'needsAccount' || isWritable(p) || p.reason === 'productSkipped')) continue
      // A stored order's rows stay on its account whatever the method is mapped to now.
      if (p.target?.startsWith('stored:')) continue
      const line = byName.get(p.product.name) ?? { product: p.product, rows: 0, choice: null }
      line.rows++
      byName.set(p.product.name, line)
    }
    return [...byName.values()].map((line) => {
      const choice = choices.get(line.product.name)
      const account = choice === undefined ? undefined : ledger.accountById.get(choice)
      const usable = choice === SKIP_PRODUCT || (account !== undefined && !account.archived && ORDER_ACCOUNT_KINDS.includes(account.kind))
      return { ...line, choice: usable && choice !== undefined ? choice : null }
    })
  }, [plan, choices, ledger.accountById])

  const pending = lines.filter((l) => l.choice === null).length
  const toWrite = review.included.size
  const blockedByProblems = problems.length > 0 && !acknowledged
  // Never write a review of an earlier choice.
  const canImport = !writing && !reading && reviewed === selected && toWrite > 0 && pending === 0 && !blockedByProblems && !review.unresolved && reviewResult.error === null
  const fileNames = files

  const toggle = useCallback((keys: readonly string[], on: boolean) => {
    setOff((prev) => {
      const next = new Set(prev)
      for (const k of keys) {
        if (on) next.delete(k)
        else next.add(k)
      }
      return next
    })
  }, [])

  const choose = useCallback((name: string, choice: string) => setUserChoices((prev) => new Map([...prev, [name, choice]])), [])

  const addFiles = async (list: File[]) => {
    if (list.length === 0 || reading) return
    const first = files.length
    const names = list.map((f) => f.name)
    setFiles((prev) => [...prev, ...names])
    setFailure(null)
    setReading({ names, first, fileIndex: first, fraction: 0 })
    const controller = new AbortController()
    reader.current = controller
    try {
      const parsed = await parseFiles(list, first, (fileIndex, fraction) => setReading((r) => r && { ...r, fileIndex, fraction }), controller.signal)
      setBills((prev) => [...prev, ...parsed])
      // New problems need a new look.
      if (parsed.some((b) => b.problems.length > 0)) setAcknowledged(false)
    } catch (e) {
      setFiles((prev) => prev.slice(0, first))
      if (e instanceof ReaderFailed && e.reason === 'cancelled') void message.info(t('import.readingCancelled'))
      else if (e instanceof ReaderFailed) void message.error(t(e.reason === 'unavailable' ? 'import.readerUnavailable' : 'import.readerStopped', { reason: e.message }))
      else void message.error(t('import.readFailed', { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      reader.current = null
      setReading(null)
    }
  }

  const startOver = () => {
    setFiles([])
    setBills([])
    setUserChoices(NO_CHOICES)
    setOff(NONE)
    setAcknowledged(false)
    setFailure(null)
    setDone(null)
  }

  /**
   * What happened, as the bulk write found it (refused for room or for want of a copy, or failed and
   * read back); a record the store refused names the bill row behind it.
   */
  const failureText = (e: unknown): string => {
    const refused = isBulkWriteError(e) && isValidationError(e.error) ? e.error : isValidationError(e) ? e : null
    let validationText: string | null = null
    if (refused) {
      const reason = tk(refused.issues[0]?.message ?? 'validation.invalid')
      const list = refused.recordType === 'orders' ? review.change.orders : refused.recordType === 'repayments' ? review.change.repayments : []
      const record = refused.row === undefined ? undefined : list[refused.row - 1]
      const key = record ? review.origin.get(record.id)?.[0] : undefined
      const row = plan.find((p) => p.key === key)?.row
      validationText = row ? `${t('import.where.line', { file: row.file, line: row.line })}: ${reason}` : reason
    }
    return bulkFailureText(e, 'import', t, tk, validationText)
  }

  const submit = async () => {
    if (!canImport) return
    setWriting(true)
    setFailure(null)
    // A method left out is remembered as such too: the next bill does not ask again (the panel still offers to change it).
    const remember = Object.fromEntries(lines.flatMap((l) => (l.choice ? [[l.product.name, l.choice]] : [])))
    try {
      const write = await commitImport(appDb(), review.change, remember, bulkWriteDeps())
      setDone(write)
      const count = write.orders.length + write.repayments.length + write.updated.length
      undo.offer(t('import.done.notice', { count }), () => undoImport(appDb(), write).then(() => setDone(null)), t('import.undone'))
    } catch (e) {
      setFailure(failureText(e))
    } finally {
      setWriting(false)
    }
  }

  const undoNow = async () => {
    if (!done) return
    setUndoing(true)
    try {
      await undoImport(appDb(), done)
      setDone(null)
      void message.success(t('import.undone'))
    } catch (e) {
      void message.error(isValidationError(e) ? tk(e.issues[0]?.message ?? 'validation.invalid') : String(e))
    } finally {
      setUndoing(false)
    }
  }

  const readingPercent = reading ? Math.round(((reading.fileIndex - reading.first + reading.fraction) / reading.names.length) * 100) : 0

  return (
    <PageFrame
      title={t('nav.import')}
      testId="page-import"
      extra={
        files.length > 0 && !done ? (
          <Button onClick={startOver} disabled={writing || reading !== null} data-testid="import-start-over">
            {t('import.startOver')}
          </Button>
        ) : undefined
      }
    >
      {done ? (
        <ImportSummary write={done} onMore={startOver} onUndo={() => void undoNow()} undoing={undoing} />
      ) : (
        <div className="import-scroll">
          {files.length === 0 && <p className="page-help muted import-intro">{t('import.intro')}</p>}
          <div data-testid="import-drop">
            <Upload.Dragger
              multiple
              accept=".csv,.xlsx,.xls,.txt"
              showUploadList={false}
              disabled={reading !== null || writing}
              className={files.length > 0 ? 'import-drop compact' : 'import-drop'}
              beforeUpload={(file, list) => {
                // Called once per file of a choice: take the whole choice at its first file.
                if (file === list[0]) void addFiles(list)
                return Upload.LIST_IGNORE
              }}
            >
              {files.length === 0 && (
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
              )}
              <p className="ant-upload-text">{files.length > 0 ? t('import.dropMore') : t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
          </div>
          {reading && (
            <div className="import-reading" data-testid="import-reading">
              <span className="muted">{t('import.reading', { file: files[reading.fileIndex] ?? '', done: reading.fileIndex - reading.first + 1, total: reading.names.length })}</span>
              <Progress percent={readingPercent} size="small" status="active" />
              <Button size="small" onClick={() => reader.current?.abort()} data-testid="import-cancel-reading">
                {t('import.cancelReading')}
              </Button>
            </div>
          )}
          {bills.length > 0 && (
            <Space wrap className="import-files" data-testid="import-files">
              {bills.map((b) => {
                const unreadable = b.problems.some(isFileProblem)
                return (
                  <Tag key={b.fileIndex} color={unreadable ? 'red' : b.problems.length > 0 ? 'orange' : 'default'} data-testid="import-file">
                    {b.file}
                    {' · '}
                    {b.source ? t(`import.source.${b.source}`) : t('import.file.unreadable')}
                    {!unreadable && ` · ${t('import.file.rows', { count: b.dataRows })}`}
                    {b.problems.length > 0 && ` · ${t('import.file.problems', { count: b.problems.length })}`}
                  </Tag>
                )
              })}
            </Space>
          )}
          {tooManyRows && (
            <Alert
              type="error"
              showIcon
              className="import-alert"
              data-testid="import-too-many"
              title={t('import.tooManyRows', { count: groupDigits(String(allRows.length)), limit: groupDigits(String(MAX_BILL_ROWS)) })}
            />
          )}
          <ProblemList problems={problems} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
          <ProductAccounts lines={lines} onChoose={choose} onCreate={setCreating} />
          {plan.length > 0 && (
            <>
              <div className="import-actions">
                <span data-testid="import-counts">
                  {t('import.preview.counts', { orders: review.change.orders.length, repayments: review.change.repayments.length, updated: review.change.updated.length })}
                </span>
                <Tooltip title={t('import.markPaidHelp')}>
                  <Checkbox checked={markPaid} onChange={(e) => setMarkPaid(e.target.checked)} data-testid="import-mark-paid">
                    {t('import.markPaid', { today: ledger.today })}
                  </Checkbox>
                </Tooltip>
                <div className="spacer" />
                {pending > 0 && <span className="import-warning">{t('import.products.pending', { count: pending })}</span>}
                {pending === 0 && blockedByProblems && <span className="import-warning">{t('import.problems.mustAcknowledge')}</span>}
                {toWrite === 0 && pending === 0 && <span className="muted">{t('import.nothingNew')}</span>}
                <Button type="primary" disabled={!canImport} loading={writing} onClick={() => void submit()} data-testid="import-submit">
                  {t('import.submit', { count: toWrite })}
                </Button>
              </div>
              {review.unresolved && <Alert type="error" showIcon title={t('import.unresolved')} className="import-alert" />}
              {reviewResult.error !== null && <Alert type="error" showIcon title={t('import.reviewFailed', { reason: reviewResult.error })} className="import-alert" data-testid="import-review-failed" />}
              {failure && <Alert type="error" showIcon title={failure} className="import-alert" data-testid="import-failure" closable onClose={() => setFailure(null)} />}
              <PreviewTable plan={plan} fileNames={fileNames} selected={selected} blocked={review.blocked} onToggle={toggle} />
            </>
          )}
        </div>
      )}
      <AccountModal
        open={creating !== null}
        preset={creating ? suggestedAccount(creating) : undefined}
        onClose={() => setCreating(null)}
        onSaved={(account) => {
          if (creating) choose(creating.name, account.id)
        }}
      />
    </PageFrame>
  )
}
