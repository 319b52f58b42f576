/** The English messages of src/report/ (see src/lang/t.ts). */
export const REPORT = {
} as const;
