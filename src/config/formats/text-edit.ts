/** What an in-place edit of a configuration file gives: the new text and the line it changed, or why it cannot be made. */

/** An edit that can be shown as a diff and applied; `line` is 1-based. */
export interface TextEdit {
  after: string;
  line: number;
  action: 'replaced' | 'added' | 'unchanged';
}

export type EditOutcome = TextEdit | { error: string };
