// Owns the frame of a chart: title, optional controls, a fixed height, and a readable empty state.
import type { ReactNode } from 'react'
import { Card, Empty } from 'antd'

export function ChartCard(props: { title: string; extra?: ReactNode; empty: boolean; emptyText: string; height?: number; note?: string; testId: string; children: ReactNode }) {
  const height = props.height ?? 280
  return (
    <Card size="small" title={props.title} extra={props.extra} className="chart-card" data-testid={props.testId}>
      {props.empty ? (
        <div style={{ height }} className="chart-empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />
        </div>
      ) : (
        <div style={{ height }}>{props.children}</div>
      )}
      {props.note && <p className="muted chart-note">{props.note}</p>}
    </Card>
  )
}
