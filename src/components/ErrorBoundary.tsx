// Owns the last line of defence: a rendering error shows a message and a way back instead of a blank window.
import { Component, type ReactNode } from 'react'
import { Button, Result } from 'antd'

interface Props {
  title: string
  action: string
  children: ReactNode
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={this.state.error.message}
        extra={
          <Button
            type="primary"
            onClick={() => {
              window.location.hash = '#/accounts'
              this.setState({ error: null })
            }}
          >
            {this.props.action}
          </Button>
        }
      />
    )
  }
}
