import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/**
 * The shape of src/, checked from the source itself: the layering of ../shared/STYLE.md (a folder
 * imports only from folders below it), no import cycle (type-only imports included), and no
 * function or file too long to read in one go.
 */

/** Lowest first. A module may import from its own folder and from folders of a lower layer only. */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['lang'], // the message tables and their lookup: data every layer reads
  ['core'],
  ['knowledge', 'models'],
  ['config'],
  ['live', 'simulate'],
  ['checks', 'fix'],
  ['report', 'ui'],
  ['doctor'],
  ['commands'],
  ['(top)'], // src/cli.ts, src/program.ts, src/api.ts
];
const MAX_FUNCTION_LINES = 120;
const MAX_FILE_LINES = 400;

const SRC = path.join(ROOT, 'src');
const files: string[] = [];
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) files.push(p);
  }
})(SRC);

const folderOf = (file: string) => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : '(top)';
};
const layerOf = (folder: string) => LAYERS.findIndex((l) => l.includes(folder));
const rel = (file: string) => path.relative(ROOT, file);

/** Every relative import of every file (static, dynamic, type-only and re-exports), resolved to a .ts file. */
const graph = new Map<string, string[]>(
  files.map((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const targets: string[] = [];
    const visit = (node: ts.Node) => {
      let spec: ts.Expression | undefined;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) spec = node.moduleSpecifier;
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = node.arguments[0];
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) spec = node.argument.literal;
      if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) targets.push(path.resolve(path.dirname(file), spec.text).replace(/\.js$/, '.ts'));
      ts.forEachChild(node, visit);
    };
    visit(source);
    return [file, targets];
  }),
);

describe('the architecture of src/', () => {
  it('knows the layer of every folder', () => {
    const unknown = [...new Set(files.map(folderOf))].filter((f) => layerOf(f) < 0);
    expect(unknown, 'add new folders to LAYERS in test/architecture.test.ts').toEqual([]);
  });

  it('keeps the layering: a folder imports only from its own folder and from lower layers', () => {
    const broken: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = folderOf(file);
        const to = folderOf(target);
        if (from !== to && layerOf(to) >= layerOf(from)) broken.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("keeps RuAPI's facts as data: src/core/ruapi.ts imports only types and holds no function", () => {
    const text = readFileSync(path.join(SRC, 'core/ruapi.ts'), 'utf8');
    expect(text.match(/^import (?!type ).*$/gm) ?? []).toEqual([]);
    expect(text).not.toMatch(/\bfunction\b|=>/);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines and no file over ${MAX_FILE_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').length;
      if (lines > MAX_FILE_LINES) long.push(`${rel(file)}: ${lines} lines`);
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (end - start + 1 > MAX_FUNCTION_LINES) long.push(`${rel(file)}:${start + 1}: a function of ${end - start + 1} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
