// Owns the UI text of the dues feature in both languages; the en type makes a missing or extra key a compile error.
export const duesZh = {
} as const satisfies Record<string, string>

export const duesEn: Record<keyof typeof duesZh, string> = {
}
