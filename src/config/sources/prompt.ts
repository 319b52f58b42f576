import type { Source } from '../types.js';
import type { SourceKind } from './contract.js';

/**
 * A value typed or accepted at one of the doctor's prompts. It wins over every other source, for
 * this run only: no file or variable holds it, so the user's own tools do not see it. Discovery
 * does not read it; the doctor puts it in place (src/doctor/index.ts).
 */
export const prompt: SourceKind = {
  kind: 'prompt',
  variables: false,
  assignment: (source, value) => `${source.name}=${value}`,
  place: (source) => source.label,
  holder: (source) => source.file ?? source.label,
};

/** A prompted value's source: `name` is the variable the user's tools would read it from. */
export const promptSource = (name: string, label: string): Source => ({ kind: prompt.kind, name, label });

/** Whether a value was given at a prompt (and so lives in this run only). */
export const isPrompted = (source: Source | undefined): boolean => source?.kind === prompt.kind;
