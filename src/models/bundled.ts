import { catalog, type ModelList } from './catalog.js';
import { SNAPSHOT_DATE, SNAPSHOT_PACKAGES } from './snapshot.js';

/**
 * What any part may know of the bundled catalogue without loading it. The catalogue itself (its
 * rows, the matcher) is dist/models.cjs, loaded on the first call that needs a row (LAZY_CHUNKS in
 * scripts/build.mjs): a doctor run with no model to check never loads it. Only the two constants
 * below come with this file (esbuild leaves the snapshot's rows out of every other chunk).
 */
export const CATALOG_DATE = SNAPSHOT_DATE;
/** The SDK packages the snapshot was produced from, with their versions. */
export const CATALOG_PACKAGES = SNAPSHOT_PACKAGES;

let bundledIds: readonly string[] | undefined;

/** The bundled ids as the model checks take a list; `ids` loads the catalogue on first use. */
export const BUNDLED_MODELS: ModelList = {
  get ids() {
    return (bundledIds ??= catalog().map((m) => m.id));
  },
  source: 'bundled',
  date: CATALOG_DATE,
};
