import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { wouldLeakKey } from '../config/secrets.js';

/** One file's change, as read (`before`) and as it should become (`after`). */
export interface FilePatch {
  file: string;
  before: string;
  after: string;
  /** Every key in play (as configured and as fixed): the patch may not carry one into the file. */
  secrets?: readonly (string | undefined | null)[];
}

export type ApplyResult =
  | { ok: true; file: string; backup: string }
  | { ok: false; reason: 'unchanged' | 'changed' | 'key' | 'io'; message: string };

/** `20261125-193012`: UTC, sorts by time, safe in every file system. */
const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Writes a patch: first a backup `FILE.ruapi-backup-YYYYMMDD-HHMMSS` next to the file (same mode;
 * never overwriting an older one), then the new text through a temporary file renamed over the
 * target, so that a crash leaves the old file or the new one, never half of each. Refuses when the
 * file no longer holds `before` (edited meanwhile) or when `after` would hold a key `before` did not.
 * A symlinked file is written through the link.
 */
export async function applyFix(patch: FilePatch, opts: { now?: Date } = {}): Promise<ApplyResult> {
  const { file, before, after } = patch;
  if (before === after) return { ok: false, reason: 'unchanged', message: `${file} already has this value.` };
  if (wouldLeakKey(before, after, patch.secrets ?? [])) {
    return { ok: false, reason: 'key', message: `Not writing a key into ${file}: it did not hold that key before.` };
  }
  let target: string;
  let mode: number;
  try {
    target = await realpath(file);
    mode = (await stat(target)).mode & 0o777;
    if (!(await readFile(target)).equals(Buffer.from(before, 'utf8'))) {
      return { ok: false, reason: 'changed', message: `${file} changed since it was read; run the doctor again.` };
    }
  } catch (err) {
    return { ok: false, reason: 'io', message: `Cannot read ${file}: ${(err as Error).message}` };
  }

  const base = `${file}.ruapi-backup-${stamp(opts.now ?? new Date())}`;
  let backup = base;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.ruapi-tmp-${randomBytes(6).toString('hex')}`);
  try {
    for (let n = 2; ; n++) {
      try {
        await writeFile(backup, before, { flag: 'wx', mode });
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n > 99) throw err;
        backup = `${base}-${n}`;
      }
    }
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.chmod(mode); // exactly the old mode, whatever the umask
      await handle.writeFile(after, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Narrow the window for an edit made while the backup was written.
    if (!(await readFile(target)).equals(Buffer.from(before, 'utf8'))) {
      await unlink(temp);
      return { ok: false, reason: 'changed', message: `${file} changed while the fix was being written; nothing was changed (backup: ${backup}).` };
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => {});
    return { ok: false, reason: 'io', message: `Cannot write ${file}: ${(err as Error).message}` };
  }
  return { ok: true, file, backup };
}
