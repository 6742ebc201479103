// Owns the frame of a chart: title, optional controls, a fixed height, a readable empty state, and drawing the chart only after the page has been painted.
import type { ReactNode } from 'react'
import { Card, Empty } from 'antd'
import { useAfterPaint } from '../use-after-paint'

export function ChartCard(props: { title: string; extra?: ReactNode; empty: boolean; emptyText: string; height?: number; note?: string; testId: string; children: ReactNode }) {
  const height = props.height ?? 280
  // The card (title, size) comes with the page; the chart itself is drawn in the task after the page is on screen.
  const painted = useAfterPaint()
  return (
    <Card size="small" title={props.title} extra={props.extra} className="chart-card" data-testid={props.testId}>
      {props.empty ? (
        <div style={{ height }} className="chart-empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />
        </div>
      ) : (
        <div style={{ height }} aria-busy={!painted}>
          {painted && props.children}
        </div>
      )}
      {props.note && <p className="muted chart-note">{props.note}</p>}
    </Card>
  )
}
