// Owns the props of buttons that tests and both delete confirmations share.
import type { ButtonProps } from 'antd'

export const CONFIRM_DELETE_BUTTON: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'confirm-delete' }
