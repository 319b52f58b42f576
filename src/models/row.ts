/**
 * One catalogue row as the generated snapshot stores it (compact, since the doctor bundles it):
 * id, family, docs (1 when RuAPI's docs name it), released, retires ("" unknown, "retired" on a
 * date not found, else YYYY-MM-DD), replacement ("" none named), sources (indexes into
 * SNAPSHOT_SOURCES, comma-separated).
 */
export type SnapshotRow = readonly [id: string, family: string, docs: 0 | 1, released: string, retires: string, replacement: string, sources: string];
