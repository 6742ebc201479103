// End-to-end tests: the web build in Debian's Chromium (no browser download), plus the desktop spec where Electron exists.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}. Install it with: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`)
}
// Another port lets two checkouts run their e2e side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/.artifacts/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One browser at a time: two Chromiums on this 2-core machine starved each other into timeouts.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      // This machine's network is closed: keep Chromium from reaching out at start.
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    }
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000
  },
  projects: [
    { name: 'web', testIgnore: /(electron|large-ledger)\.spec\.ts/ },
    // The 50,000-order ledger takes both cores for minutes: run it alone, after the rest, so it
    // cannot starve another test into a timeout.
    { name: 'heavy', testMatch: /large-ledger\.spec\.ts/, dependencies: ['web'] },
    { name: 'electron', testMatch: /electron\.spec\.ts/ }
  ]
})
