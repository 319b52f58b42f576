import { realpathSync } from 'node:fs';
import { path } from '../core/path.js';
import { displayPath } from '../config/files.js';
import { PRECEDENCE } from '../config/sources/index.js';
import type { DiscoverInput } from '../config/types.js';
import { DOCTOR } from '../lang/en/doctor.js';
import { messages } from '../lang/t.js';

const t = messages(DOCTOR);

/** Where --fix looks for the files it may write: the folders the sources read, and how to show paths. */
export type FixPlaces = Pick<DiscoverInput, 'env' | 'cwd' | 'home' | 'envFile'>;

/** The file an edit really lands in, once symlinks are followed, and whether --yes may write it. */
export interface FixTarget {
  /** Absolute, links followed: what applyFix must find again before it writes. */
  real: string;
  /** The label, with the real file after it when a link leads elsewhere: `.env (→ /elsewhere/shared.env)`. */
  shown: string;
  /** Set when the real file is outside every folder --yes may write in: one sentence, for the refusal. */
  outside?: string;
}

/** A path with its links followed; the path itself when it cannot be (missing, no permission). */
const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

const inside = (file: string, folder: string) => {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The folders --yes may write in: the working folder, and the folder of each file a source that
 * --fix edits reads (~/.claude, or $CLAUDE_CONFIG_DIR; the folder of --env-file, which the user
 * named). A link in the project that leads anywhere else (`.env -> ~/.bashrc`) is not followed
 * without a person confirming it.
 */
export function writableFolders(places: FixPlaces): string[] {
  const input: DiscoverInput = { flags: {}, ...places };
  const folders = [places.cwd, ...PRECEDENCE.flatMap((s) => (s.edit && s.file ? [path.dirname(s.file(input).path)] : []))];
  return [...new Set(folders.map(real))];
}

/** Resolves the file a plan edits (`file`, shown as `label`) to the file it really is. */
export function resolveTarget(file: string, label: string, places: FixPlaces): FixTarget {
  const target = real(file);
  // Shown against the real working and home folders, so that a linked home (/home -> /usr/home) is not news.
  const where = displayPath(target, real(places.cwd), real(places.home));
  const shown = where === label ? label : `${label} (→ ${where})`;
  const folders = writableFolders(places);
  if (folders.some((folder) => inside(target, folder))) return { real: target, shown };
  const cwd = real(places.cwd);
  const others = folders.filter((f) => !inside(f, cwd)).map((f) => displayPath(f, cwd, real(places.home)));
  const outside = others.length ? t('fix.outside.and', { file: label, where, others: others.join(', ') }) : t('fix.outside', { file: label, where });
  return { real: target, shown, outside };
}
