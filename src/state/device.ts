// Owns the device preferences in React: the stored choices, and whether the screen is dark now (the choice, or the system's).
import { useEffect, useSyncExternalStore } from 'react'
import { devicePrefs, subscribeDevicePrefs, type Appearance, type DevicePrefs } from '@/platform/device-prefs'

export function useDevicePrefs(): DevicePrefs {
  return useSyncExternalStore(subscribeDevicePrefs, devicePrefs)
}

const DARK_QUERY = '(prefers-color-scheme: dark)'

function systemDark(): boolean {
  return globalThis.matchMedia?.(DARK_QUERY).matches ?? false
}

function subscribeSystem(listener: () => void): () => void {
  const query = globalThis.matchMedia?.(DARK_QUERY)
  query?.addEventListener('change', listener)
  return () => query?.removeEventListener('change', listener)
}

export function isDark(appearance: Appearance, systemIsDark: boolean): boolean {
  return appearance === 'dark' || (appearance === 'system' && systemIsDark)
}

/** Marks the document before the first render, so the page does not flash light on a dark screen. */
export function markColourScheme(dark: boolean): void {
  const root = document.documentElement
  root.dataset.theme = dark ? 'dark' : 'light'
  root.style.colorScheme = dark ? 'dark' : 'light'
}

export function initialDark(): boolean {
  return isDark(devicePrefs().appearance, systemDark())
}

/** Whether the app is dark now; follows the system's setting while the choice is 'system', and keeps the document marked. */
export function useDarkMode(): boolean {
  const { appearance } = useDevicePrefs()
  const system = useSyncExternalStore(subscribeSystem, systemDark)
  const dark = isDark(appearance, system)
  useEffect(() => markColourScheme(dark), [dark])
  return dark
}
