// Owns the UI text of the reports feature in both languages; the en type makes a missing or extra key a compile error.
export const reportsZh = {
} as const satisfies Record<string, string>

export const reportsEn: Record<keyof typeof reportsZh, string> = {
}
