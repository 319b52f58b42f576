/** The English messages of src/live/ (see src/lang/t.ts). */
export const LIVE = {
} as const;
