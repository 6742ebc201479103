// Owns the shell's fast entry: the N chooser of what to add (on pages without a form of their own) and the Ctrl/⌘+K search over the records.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Button, Empty, Input, Modal, Tag, type InputRef } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { useRoute, type Route } from '@/state/router'
import { formatFen } from '@/domain/money'
import { DrawModal } from '@/features/draws/DrawModal'
import { OrderModal } from '@/features/orders/OrderModal'
import { RepaymentModal } from '@/features/repayments/RepaymentModal'
import { useAddAccount } from '@/features/accounts/ProductPicker'
import { InquiryModal } from '@/features/inquiries/InquiryModal'
import { searchRecords, type SearchHit, type SearchKind } from './record-search'
import type { MessageKey } from '@/i18n'
import './entry.css'

export type EntryTool = 'none' | 'add' | 'search'

const ADD_KINDS = ['draw', 'order', 'repayment', 'account', 'inquiry'] as const
type AddKind = (typeof ADD_KINDS)[number]

const KIND_LABEL: Record<SearchKind, MessageKey> = {
  account: 'entry.kind.searchAccount',
  draw: 'entry.kind.searchDraw',
  order: 'entry.kind.searchOrder',
  repayment: 'entry.kind.searchRepayment'
}

/** Where a hit opens: an account's own page, or its list with the record's detail drawer open (RecordPanel reads the id). */
export function routeOfHit(hit: Pick<SearchHit, 'kind' | 'id'>): Route {
  const page = ({ account: 'accounts', draw: 'draws', order: 'orders', repayment: 'repayments' } as const)[hit.kind]
  return { page, id: hit.id }
}

export function EntryTools({ tool, onClose }: { tool: EntryTool; onClose(): void }) {
  const [adding, setAdding] = useState<AddKind | null>(null)
  const endAdd = () => setAdding(null)
  // An account starts from the product picker, as everywhere else an account is added.
  const [startAddAccount, addAccountDialogs] = useAddAccount()
  return (
    <>
      <AddChooser
        open={tool === 'add'}
        onClose={onClose}
        onPick={(kind) => {
          onClose()
          if (kind === 'account') startAddAccount()
          else setAdding(kind)
        }}
      />
      <RecordSearch open={tool === 'search'} onClose={onClose} />
      <DrawModal open={adding === 'draw'} onClose={endAdd} />
      <OrderModal open={adding === 'order'} onClose={endAdd} />
      <RepaymentModal open={adding === 'repayment'} onClose={endAdd} />
      {addAccountDialogs}
      <InquiryModal open={adding === 'inquiry'} onClose={endAdd} />
    </>
  )
}

function AddChooser({ open, onClose, onPick }: { open: boolean; onClose(): void; onPick(kind: AddKind): void }) {
  const { t } = useI18n()
  const first = useRef<HTMLButtonElement>(null)
  // Digits 1-5 pick at once; Tab and Enter work as on any buttons.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = Number(e.key)
    const kind = Number.isInteger(n) ? ADD_KINDS[n - 1] : undefined
    if (kind) {
      e.preventDefault()
      onPick(kind)
    }
  }
  return (
    <Modal
      open={open}
      title={t('entry.chooserTitle')}
      onCancel={onClose}
      footer={null}
      width={360}
      destroyOnHidden
      wrapProps={{ 'data-testid': 'add-chooser' }}
      afterOpenChange={(opened) => {
        if (opened) first.current?.focus()
      }}
    >
      <div className="entry-chooser" role="group" aria-label={t('entry.chooserTitle')} onKeyDown={onKeyDown}>
        {ADD_KINDS.map((kind, i) => (
          <Button
            key={kind}
            ref={i === 0 ? first : undefined}
            block
            onClick={() => onPick(kind)}
            data-testid={`add-${kind}`}
            aria-label={t('entry.addKind', { kind: t(`entry.kind.${kind}`), key: String(i + 1) })}
            aria-keyshortcuts={String(i + 1)}
          >
            <span className="entry-key" aria-hidden>
              {i + 1}
            </span>
            <span className="entry-label">{t(`entry.kind.${kind}`)}</span>
          </Button>
        ))}
        <div className="muted entry-hint">{t('entry.chooserHint')}</div>
      </div>
    </Modal>
  )
}

function RecordSearch({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n()
  const ledger = useLedger()
  const [, navigate] = useRoute()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<InputRef>(null)
  const hits = useMemo(
    () => (open ? searchRecords({ accounts: ledger.accounts, draws: ledger.draws, orders: ledger.orders, repayments: ledger.repayments }, query) : []),
    [open, query, ledger.accounts, ledger.draws, ledger.orders, ledger.repayments]
  )
  const go = (hit: SearchHit | undefined) => {
    if (!hit) return
    onClose()
    navigate(routeOfHit(hit))
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (hits.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      go(hits[Math.min(active, hits.length - 1)])
    }
  }
  const optionId = (i: number) => `record-search-option-${i}`
  return (
    <Modal
      open={open}
      title={t('entry.searchTitle')}
      onCancel={onClose}
      footer={null}
      width={560}
      destroyOnHidden
      wrapProps={{ 'data-testid': 'record-search' }}
      afterOpenChange={(opened) => {
        if (opened) input.current?.focus()
        else {
          setQuery('')
          setActive(0)
        }
      }}
    >
      <Input
        ref={input}
        value={query}
        allowClear
        placeholder={t('entry.searchPlaceholder')}
        aria-label={t('entry.searchLabel')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="record-search-results"
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? optionId(Math.min(active, hits.length - 1)) : undefined}
        data-testid="record-search-input"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <div className="muted entry-hint">{t('entry.searchHint')}</div>
      {query.trim() === '' ? (
        <div className="entry-search-empty muted">{t('entry.searchStart')}</div>
      ) : hits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('entry.searchEmpty')} />
      ) : (
        <ul id="record-search-results" role="listbox" aria-label={t('entry.searchResults')} className="entry-results">
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}:${hit.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === Math.min(active, hits.length - 1)}
              className="entry-result"
              data-testid="record-search-hit"
              onMouseEnter={() => setActive(i)}
              onClick={() => go(hit)}
            >
              <Tag className="entry-result-kind">{t(KIND_LABEL[hit.kind])}</Tag>
              <span className="entry-result-name">{hit.name}</span>
              {hit.amount !== null && <span className="entry-result-amount">{formatFen(hit.amount)}</span>}
              {hit.date && <span className="entry-result-date muted">{hit.date}</span>}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  )
}
