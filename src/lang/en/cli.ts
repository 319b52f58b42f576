/** The English messages of src/cli/ (see src/lang/t.ts). */
export const CLI = {
} as const;
