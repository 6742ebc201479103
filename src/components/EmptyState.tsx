// Owns the first-use message of a list: what the list is for and the one action that fills it.
import type { ReactNode } from 'react'
import { Empty } from 'antd'

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span className="empty-text">{text}</span>}>
        {children}
      </Empty>
    </div>
  )
}
