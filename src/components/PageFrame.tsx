// Owns the frame of a page: its heading, the shortcut hint and an optional line of actions.
import type { ReactNode } from 'react'
import { useI18n } from '@/state/i18n-context'

export function PageFrame({ title, testId, extra, children }: { title: ReactNode; testId: string; extra?: ReactNode; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="page" data-testid={testId}>
      <div className="page-header">
        <h1>{title}</h1>
        {extra}
        <span className="muted shortcuts">{t('common.shortcuts')}</span>
      </div>
      {children}
    </div>
  )
}
