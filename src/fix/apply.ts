import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, open, readFile, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { path } from '../core/path.js';
import { wouldLeakKey } from '../config/secrets.js';
import { DOCTOR } from '../lang/en/doctor.js';
import { messages } from '../lang/t.js';

const t = messages(DOCTOR);

/** One file's change, as read (`before`) and as it should become (`after`). */
export interface FilePatch {
  file: string;
  before: string;
  after: string;
  /** Every key in play (as configured and as fixed): the patch may not carry one into the file. */
  secrets?: readonly (string | undefined | null)[];
  /** The real file (links followed) the user was shown: the patch is not written if `file` now leads elsewhere. */
  target?: string;
}

export type ApplyResult =
  | { ok: true; file: string; backup: string }
  | { ok: false; reason: 'unchanged' | 'changed' | 'key' | 'read-only' | 'owner' | 'io'; message: string };

/** `20261125-193012`: UTC, sorts by time, safe in every file system. */
const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/**
 * Writes a patch: first a backup `FILE.ruapi-backup-YYYYMMDD-HHMMSS` next to the file (never
 * overwriting an older one), then the new text through a temporary file renamed over the target,
 * so that a crash leaves the old file or the new one, never half of each. Both keep the file's
 * mode and, where the process may give it (root), its owner: a rename would otherwise hand the
 * file to whoever ran --fix. Refuses, changing nothing, when the file is read-only, belongs to
 * someone else, no longer holds `before` (edited meanwhile), now leads to another file than
 * `target`, or when `after` would hold a key `before` did not. A symlinked file is written through
 * the link. `label` names the file in messages (default `file`).
 */
export async function applyFix(patch: FilePatch, opts: { now?: Date; label?: string } = {}): Promise<ApplyResult> {
  const { file, before, after } = patch;
  const label = opts.label ?? file;
  if (before === after) return { ok: false, reason: 'unchanged', message: t('fix.unchanged', { file: label }) };
  if (wouldLeakKey(before, after, patch.secrets ?? [])) {
    return { ok: false, reason: 'key', message: t('fix.no-new-key', { file: label }) };
  }
  let target: string;
  let st: Stats;
  try {
    target = await realpath(file);
    st = await stat(target);
    if (patch.target !== undefined && patch.target !== target) {
      return { ok: false, reason: 'changed', message: t('fix.relinked', { file: label, target }) };
    }
    const refusal = await writeRefusal(target, st, label);
    if (refusal) return refusal;
    if (!(await readFile(target)).equals(Buffer.from(before, 'utf8'))) {
      return { ok: false, reason: 'changed', message: t('fix.changed', { file: label }) };
    }
  } catch (err) {
    return { ok: false, reason: 'io', message: t('fix.cannot-read', { file: label, error: (err as Error).message }) };
  }

  const base = `${file}.ruapi-backup-${stamp(opts.now ?? new Date())}`;
  let backup: string | undefined;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.ruapi-tmp-${randomBytes(6).toString('hex')}`);
  try {
    for (let n = 1; !backup; n++) {
      const name = n === 1 ? base : `${base}-${n}`;
      try {
        await writeLike(name, st, before, false);
        backup = name;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n > 99) throw err;
      }
    }
    await writeLike(temp, st, after, true);
    // Narrow the window for an edit made while the backup was written.
    if (!(await readFile(target)).equals(Buffer.from(before, 'utf8'))) {
      await unlink(temp);
      return { ok: false, reason: 'changed', message: t('fix.changed-while-writing', { file: label, backup }) };
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => {});
    return { ok: false, reason: 'io', message: t('fix.cannot-write', { file: label, error: (err as Error).message }) };
  }
  return { ok: true, file, backup };
}

/**
 * Why the file must not be replaced, if it must not: a rename needs only the folder's permission,
 * so the file's own is checked here. Read-only means read-only even for root; a file of another
 * user can be rewritten only by root, who can give it back to its owner.
 */
async function writeRefusal(target: string, st: Stats, label: string): Promise<ApplyResult | undefined> {
  const mode = st.mode & 0o777;
  const readOnly = (id: 'fix.read-only' | 'fix.not-writable'): ApplyResult => ({ ok: false, reason: 'read-only', message: t(id, { file: label, mode: octal(mode) }) });
  if ((mode & 0o222) === 0) return readOnly('fix.read-only');
  const uid = process.getuid?.();
  if (uid === undefined) return undefined; // Windows: no owners to keep
  if (uid !== 0 && st.uid !== uid) {
    return {
      ok: false,
      reason: 'owner',
      message: t('fix.owner', { file: label, uid: st.uid }),
    };
  }
  try {
    await access(target, constants.W_OK);
  } catch {
    return readOnly('fix.not-writable');
  }
  return undefined;
}

/**
 * Creates `file` (it must not exist) holding `text`, with the mode and the owner of `like`. It is
 * created 0600, so that a key in it is never readable by others meanwhile; then given the owner
 * and group when they came out different (as root, or a group the folder does not give), and then
 * the mode, whatever the umask (chown may clear mode bits, so it comes first).
 */
async function writeLike(file: string, like: Stats, text: string, sync: boolean): Promise<void> {
  const handle: FileHandle = await open(file, 'wx', 0o600);
  let written = false;
  try {
    const made = await handle.stat();
    if (made.uid !== like.uid || made.gid !== like.gid) {
      await handle.chown(like.uid, like.gid).catch((err: NodeJS.ErrnoException) => {
        throw new Error(t('fix.owner-not-kept', { uid: like.uid, gid: like.gid, error: err.code ?? err.message }));
      });
    }
    await handle.chmod(like.mode & 0o777);
    await handle.writeFile(text, 'utf8');
    if (sync) await handle.sync();
    written = true;
  } finally {
    await handle.close();
    if (!written) await unlink(file).catch(() => {});
  }
}
