import type { PlatformPath } from 'node:path';

/**
 * node:path, required once: each default import of a Node module in the bundle becomes a copy of
 * all its exports (esbuild's ESM interop, made when the chunk loads), and the doctor's chunk had
 * sixteen of node:path. A plain require() is the module itself.
 */
export const path: PlatformPath = require('node:path');
