/**
 * The names of `--format`, on their own so that the command line can offer them (help, choices,
 * completion) without loading a renderer. src/report/formats.ts must give each one a renderer:
 * the type checker holds the two to each other.
 */
export const FORMAT_NAMES = ['human', 'json', 'junit', 'markdown'] as const;

export type Format = (typeof FORMAT_NAMES)[number];
