/** The English messages of src/ui/ (see src/lang/t.ts). */
export const UI = {
} as const;
