// Owns "add an account": first the product picker (花呗, 借呗, a bank's card...), then the account form filled from the chosen product's preset, every value still editable.
import { useCallback, useState, type ReactNode } from 'react'
import { Modal } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { PRESET_GROUPS, PRODUCT_PRESETS, presetAccount, type ProductPreset } from '@/domain/import/presets'
import type { Account } from '@/domain/records'
import { percentText } from '@/components/form-parse'
import { AccountModal } from './AccountModal'

function rangeText(r: NonNullable<ProductPreset['usualRate']>): string {
  return r.low === r.high ? `${percentText(r.low)}%` : `${percentText(r.low)}%–${percentText(r.high)}%`
}

/** One line of what the preset fills, so the choice is informed before the form opens. */
function PresetFacts({ preset }: { preset: ProductPreset }) {
  const { t } = useI18n()
  const a = preset.account
  const facts: string[] = []
  if (a.statementDay !== null && a.dueDay !== null) facts.push(t('preset.days', { statement: a.statementDay, due: a.dueDay }))
  if (a.payLaterWindowDays !== null) facts.push(t('preset.window', { days: a.payLaterWindowDays }))
  if (preset.usualRate) facts.push(t(`preset.rate.${preset.usualRate.unit}`, { range: rangeText(preset.usualRate) }))
  facts.push(t(`preset.credit.${a.reportsToCredit}`))
  return <span className="preset-facts muted">{facts.join(' · ')}</span>
}

export function ProductPicker({ open, onPick, onClose }: { open: boolean; onPick(preset: ProductPreset): void; onClose(): void }) {
  const { t, language } = useI18n()
  return (
    <Modal open={open} title={t('preset.title')} onCancel={onClose} footer={null} width={880} destroyOnHidden>
      <div className="product-picker" data-testid="product-picker">
        <p className="muted small">{t('preset.help')}</p>
        {PRESET_GROUPS.map((group) => (
          <section key={group} className="preset-group">
            <h4 className="preset-group-title">{t(`preset.group.${group}`)}</h4>
            <div className="preset-grid">
              {PRODUCT_PRESETS.filter((p) => p.group === group).map((p) => (
                <button type="button" key={p.id} className="preset-card" onClick={() => onPick(p)} title={t('preset.source', { source: p.source })} data-testid={`preset-${p.id}`}>
                  <span className="preset-name">
                    <strong>{p.name}</strong>
                    {language === 'en' && <span className="preset-name-en">{p.nameEn}</span>}
                  </span>
                  <PresetFacts preset={p} />
                </button>
              ))}
            </div>
          </section>
        ))}
      </div>
    </Modal>
  )
}

/**
 * The add-account flow as a hook: start() opens the picker; a pick opens the form with the preset's
 * values. Returns the start function and the dialogs to render.
 */
export function useAddAccount(onSaved?: (account: Account) => void): [() => void, ReactNode] {
  const [picking, setPicking] = useState(false)
  const [preset, setPreset] = useState<Partial<Account> | null>(null)
  const start = useCallback(() => setPicking(true), [])
  const dialogs = (
    <>
      <ProductPicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={(p) => {
          setPicking(false)
          setPreset(presetAccount(p))
        }}
      />
      <AccountModal open={preset !== null} preset={preset ?? undefined} onClose={() => setPreset(null)} onSaved={onSaved} />
    </>
  )
  return [start, dialogs]
}
