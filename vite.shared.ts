// Renderer build settings shared by the desktop (electron-vite) and web (vite) builds.
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { Plugin, UserConfig } from 'vite'
import { readFileSync } from 'node:fs'

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }

/**
 * The strict Content-Security-Policy of the built renderer. Inline styles are allowed because
 * Ant Design injects its CSS-in-JS as <style> elements; scripts come only from the app itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/**
 * The browser build's policy: the same, except that the page may reach a WebDAV folder the user
 * sets for sync (any https server, or one on this computer). The desktop renderer keeps
 * connect-src 'self' - its sync goes through the main process - and its header policy
 * (electron/main/security.ts) would override a wider meta tag anyway.
 */
export const WEB_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' https: http://127.0.0.1:* http://localhost:*")

/** Adds the CSP meta tag to production builds only: the dev server needs inline HMR scripts. */
function contentSecurityPolicy(policy: string): Plugin {
  return {
    name: 'credit-ledger-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    }
  }
}

/**
 * The libraries every open needs, in named chunks that stay cached across app updates. Only modules
 * of the first load are captured ($initial); what pages alone use (tables, pickers, charts, the
 * spreadsheet writer) stays in the chunks that Rolldown splits off with each lazy page.
 */
const VENDOR_CHUNKS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'] },
  { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|stylis|@emotion|throttle-debounce|classnames|clsx|dayjs)[\\/]/, tags: ['$initial'] },
  { name: 'store', test: /[\\/]node_modules[\\/](dexie|dexie-react-hooks|zod)[\\/]/, tags: ['$initial'] },
  // Loaded with the first page that draws a chart (overview, reports), or by the idle prefetch.
  { name: 'charts', test: /[\\/]node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor)[\\/]/ }
] satisfies { name: string; test: RegExp; tags?: '$initial'[] }[]

export function rendererConfig(outDir: string, policy: string = CONTENT_SECURITY_POLICY): UserConfig {
  const root = resolve(import.meta.dirname)
  return {
    root,
    base: './',
    plugins: [react(), contentSecurityPolicy(policy)],
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
    resolve: { alias: { '@': resolve(root, 'src') } },
    build: {
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      // rolldownOptions, not its alias rollupOptions: electron-vite replaces rollupOptions with its own rolldownOptions.
      rolldownOptions: {
        input: { index: resolve(root, 'index.html') },
        output: { codeSplitting: { groups: VENDOR_CHUNKS } }
      }
    }
  }
}
