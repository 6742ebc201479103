// Owns the UI text of the import feature in both languages; the en type makes a missing or extra key a compile error.
export const importZh = {
} as const satisfies Record<string, string>

export const importEn: Record<keyof typeof importZh, string> = {
}
