import nodePath from 'node:path';

/**
 * node:path, imported once: each default import of a Node module in the bundle becomes a copy of
 * all its exports (esbuild's ESM interop), and the doctor's chunk had sixteen of node:path.
 */
export const path = nodePath;
