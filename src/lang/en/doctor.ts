/** The English messages of src/doctor/ (see src/lang/t.ts). */
export const DOCTOR = {
} as const;
