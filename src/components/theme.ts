// Owns antd's theme for the app, light and dark.
import { theme, type ThemeConfig } from 'antd'

/**
 * zeroRuntime: antd's component styles come from antd/dist/antd.css (imported in main.tsx) instead of being generated in
 * the page on first mount; only the theme's CSS variables (--ant-color-*, ...) are written at run time. That sheet reads
 * its colours through those variables, so the dark algorithm changes only the variables' values and dark mode keeps the
 * static sheet (and the speed it was adopted for). The few component tokens the sheet bakes in as light values are
 * given dark ones in styles.css.
 */
const TOKEN = { colorPrimary: '#c2410c', borderRadius: 6 } as const
export const LIGHT_THEME: ThemeConfig = { zeroRuntime: true, token: TOKEN }
export const DARK_THEME: ThemeConfig = { zeroRuntime: true, token: TOKEN, algorithm: theme.darkAlgorithm }
