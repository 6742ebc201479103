// Owns the appearance choice: follow the system's light or dark setting (the default), or keep one.
import { Card, Segmented } from 'antd'
import { useI18n } from '@/state/i18n-context'
import { useDevicePrefs } from '@/state/device'
import { APPEARANCES, setAppearance, type Appearance } from '@/platform/device-prefs'

export function AppearanceCard() {
  const { t } = useI18n()
  const { appearance } = useDevicePrefs()
  return (
    <Card title={t('appearance.title')} size="small" data-testid="appearance-settings">
      <Segmented<Appearance>
        value={appearance}
        onChange={setAppearance}
        options={APPEARANCES.map((a) => ({ value: a, label: t(`appearance.${a}`) }))}
        data-testid="appearance"
      />
      <p className="muted appearance-help">{t('appearance.help')}</p>
    </Card>
  )
}
