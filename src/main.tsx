// The renderer's entry point: mounts the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { preloadPage } from './app/prefetch'
import { parseRoute } from './state/router'
import './styles.css'

preloadPage(parseRoute(window.location.hash))

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
