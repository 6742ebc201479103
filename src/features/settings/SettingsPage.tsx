// Owns settings: the user's profile (income, planned mortgage), the language and appearance, the app lock, and the data the ledger holds.
import { useEffect, useRef, useState } from 'react'
import { Button, Card, DatePicker, Descriptions, Form, Input, Segmented } from 'antd'
import type { Dayjs } from 'dayjs'
import { useLiveQuery } from 'dexie-react-hooks'
import { useI18n } from '@/state/i18n-context'
import { useLedger } from '@/state/ledger-context'
import { appDb } from '@/db/instance'
import { loadProfile, updateProfile } from '@/db/repo'
import { LANGUAGES, profileSchema, type Language, type Profile } from '@/domain/records'
import { PageFrame } from '@/components/PageFrame'
import { toDayjs, yuanText } from '@/components/form-parse'
import { useValidatedSubmit } from '@/components/use-validated-submit'
import { platform } from '@/platform'
import type { AppInfo } from '@/platform'
import { SampleDataButton } from '../shared/SampleDataButton'
import { StorageCard } from './StorageCard'
import { ReminderSettingsCard } from '../dues/ReminderSettingsCard'
import { AppLockCard } from './AppLockCard'
import { AppearanceCard } from './AppearanceCard'
import { PushChannelsCard } from '../dues/PushChannelsCard'

interface Values {
  monthlyIncome: string
  mortgageDate: Dayjs | null
  mortgageAmount: string
}

export function SettingsPage() {
  const { t, language, setLanguage } = useI18n()
  const ledger = useLedger()
  const profile = useLiveQuery(() => loadProfile(appDb()), [])
  const [form] = Form.useForm()
  const [info, setInfo] = useState<AppInfo | null>(null)
  const { submit, saving } = useValidatedSubmit<Values, Profile>(form, {
    schema: profileSchema,
    // The language is not this form's to save: it is merged in at write time.
    save: (record) => {
      const { language: _ignored, ...fields } = profileSchema.parse(record)
      return updateProfile(appDb(), fields)
    },
    build: (v, p) => ({
      monthlyIncome: p.optionalFen('monthlyIncome', v.monthlyIncome),
      mortgageDate: p.optionalDate(v.mortgageDate),
      mortgageAmount: p.optionalFen('mortgageAmount', v.mortgageAmount),
      language
    })
  })

  // Filled once from the stored profile; later changes (a language switch) must not wipe what the user is typing,
  // and neither may the stored profile itself when it arrives after the user has started typing: a field already
  // typed in keeps what was typed.
  const filled = useRef(false)
  useEffect(() => {
    if (profile && !filled.current) {
      filled.current = true
      const stored = { monthlyIncome: yuanText(profile.monthlyIncome), mortgageDate: toDayjs(profile.mortgageDate), mortgageAmount: yuanText(profile.mortgageAmount) }
      form.setFieldsValue(Object.fromEntries(Object.entries(stored).filter(([name]) => !form.isFieldTouched(name))))
    }
  }, [profile, form])

  useEffect(() => {
    void platform().getAppInfo().then(setInfo)
  }, [])

  return (
    <PageFrame title={t('settings.title')} testId="page-settings">
      <div className="settings-grid">
        <Card title={t('settings.language')} size="small">
          <Segmented<Language>
            data-testid="settings-language"
            value={language}
            onChange={(l) => void setLanguage(l)}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
          />
        </Card>
        <AppearanceCard />
        <Card title={t('settings.profile')} size="small">
          <p className="muted">{t('settings.profileHelp')}</p>
          <Form form={form} layout="vertical" onFinish={() => void submit()} className="record-form">
            <Form.Item name="monthlyIncome" label={t('settings.monthlyIncome')}>
              <Input inputMode="decimal" prefix="¥" data-testid="field-monthlyIncome" />
            </Form.Item>
            <div className="form-row">
              <Form.Item name="mortgageDate" label={t('settings.mortgageDate')}>
                <DatePicker style={{ width: '100%' }} data-testid="field-mortgageDate" />
              </Form.Item>
              <Form.Item name="mortgageAmount" label={t('settings.mortgageAmount')}>
                <Input inputMode="decimal" prefix="¥" data-testid="field-mortgageAmount" />
              </Form.Item>
            </div>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-profile">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
        <Card title={t('settings.data')} size="small">
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'counts',
                label: t('summary.accounts'),
                children: (
                  <span data-testid="data-counts">
                    {t('settings.counts', { accounts: ledger.accounts.length, draws: ledger.draws.length, orders: ledger.orders.length, repayments: ledger.repayments.length, inquiries: ledger.inquiries.length })}
                  </span>
                )
              },
              { key: 'where', label: t('settings.dataLocation'), children: info?.dataDir || t('settings.dataBrowser') },
              { key: 'platform', label: t('settings.platform'), children: platform().kind === 'electron' ? t('settings.platformElectron') : t('settings.platformWeb') },
              { key: 'version', label: t('settings.version'), children: info?.version ?? '' }
            ]}
          />
          <p className="muted">{t('settings.loadSampleHelp')}</p>
          <SampleDataButton type="default" />
        </Card>
        <StorageCard />
        <ReminderSettingsCard />
        <AppLockCard />
        <PushChannelsCard />
      </div>
    </PageFrame>
  )
}
