/** The English messages of src/config/ (see src/lang/t.ts). */
export const CONFIG = {
} as const;
