// The desktop build: main process, preload bridge and the renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './vite.shared.ts'

const root = import.meta.dirname

/** The shared renderer build, minified: electron-vite leaves the renderer unminified unless told (5.3 MB instead of about 2 MB). */
function desktopRenderer() {
  const config = rendererConfig('out/renderer')
  return { ...config, build: { ...config.build, minify: true } }
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } }
    }
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules; CommonJS it is.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: desktopRenderer()
})
