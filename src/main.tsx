// The renderer's entry point: mounts the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { preloadPage } from './app/prefetch'
import { parseRoute } from './state/router'
import { startEarly } from './state/early-start'
import { initialDark, markColourScheme } from './state/device'
// antd's styles as one static sheet (zero-runtime mode, see App's ConfigProvider): no component writes its CSS while the page renders.
import 'antd/dist/antd.css'
import './styles.css'

// Dark before the first paint when the stored choice (or the system) says so.
markColourScheme(initialDark())
preloadPage(parseRoute(window.location.hash))
// The figures worker and the tables' reads start now, in parallel with the first render.
startEarly()

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
