// Owns the UI text of the risk feature in both languages; the en type makes a missing or extra key a compile error.
export const riskZh = {
} as const satisfies Record<string, string>

export const riskEn: Record<keyof typeof riskZh, string> = {
}
