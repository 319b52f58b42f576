import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { isInteractive } from '../../src/core/session.js';
import { Interrupted, isInterrupted } from '../../src/ui/interactive.js';

describe('when the doctor may prompt', () => {
  it('prompts only with a terminal on stdin and stderr, and neither --ci nor --json', () => {
    const tty = { stdin: true, stderr: true };
    expect(isInteractive({}, tty)).toBe(true);
    expect(isInteractive({ ci: true }, tty)).toBe(false);
    expect(isInteractive({ json: true }, tty)).toBe(false);
    expect(isInteractive({}, { stdin: false, stderr: true })).toBe(false);
    expect(isInteractive({}, { stdin: true, stderr: false })).toBe(false);
  });

  it('recognises a Ctrl-C thrown by the ui chunk, whose Interrupted class is a different copy', () => {
    // A private copy of dist/ (the chunk requires shared chunks): a concurrent rebuild must not pull it away.
    const dist = tempDir();
    cpSync(path.join(ROOT, 'dist'), dist, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}ruapi`) }); // not the 80 MB binary
    const chunk = path.join(dist, 'ui.cjs');
    const ui = createRequire(import.meta.url)(chunk) as { Interrupted: new () => Error };
    const fromChunk = new ui.Interrupted();
    expect(fromChunk instanceof Interrupted).toBe(false); // why isInterrupted exists
    expect(isInterrupted(fromChunk)).toBe(true);
    expect(isInterrupted(new Interrupted())).toBe(true);
    expect(isInterrupted(new Error('Interrupted'))).toBe(false);
    expect(isInterrupted('')).toBe(false);
  });
});
