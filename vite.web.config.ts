// The browser build of the renderer: `npm run web` and the e2e tests use it.
import { defineConfig } from 'vite'
import { rendererConfig, WEB_CONTENT_SECURITY_POLICY } from './vite.shared.ts'

export default defineConfig({
  ...rendererConfig('dist-web', WEB_CONTENT_SECURITY_POLICY),
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true }
})
