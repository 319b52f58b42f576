import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersion, ROOT } from '../helpers/cli.js';

/** The Node lines that package.json, .ci/run and README name must be the same ones. */
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

/** `^20.18.1 || ^22.0.0` → [{ major: 20, minor: 18, patch: 1 }, …]; anything but caret ranges fails. */
function caretRanges(range: string) {
  return range.split('||').map((part) => {
    const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(part.trim());
    if (!m) throw new Error(`engines.node part '${part.trim()}' is not a ^major.minor.patch range`);
    return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
  });
}

function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number) as [number, number, number];
  return caretRanges(range).some((r) => r.major === major && (minor > r.minor || (minor === r.minor && patch >= r.patch)));
}

const declared = caretRanges(engines).map((r) => r.major);
const ciLines = (/RUAPI_CI_NODE_LINES:-([\d ]+)\}/.exec(read('.ci/run'))?.[1] ?? '').trim().split(/\s+/).map(Number);

describe('supported Node lines', () => {
  it('package.json engines names whole LTS lines, each once', () => {
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(declared).size).toBe(declared.length);
    for (const major of declared) expect(major % 2, `Node ${major} is not an LTS line`).toBe(0);
  });

  it('.ci/run tests every declared line but the machine’s own, and no undeclared one', () => {
    expect(ciLines.length).toBeGreaterThan(0);
    for (const major of ciLines) expect(declared, `.ci/run tests Node ${major}`).toContain(major);
    // The oldest declared line is the one left to the CI machine's own node (20 today).
    expect([...ciLines].sort((a, b) => a - b)).toEqual(declared.slice(1));
  });

  it('README lists exactly the declared lines', () => {
    const readme = read('README.md');
    const table = /### Supported Node lines\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    const rows = table.split('\n').filter((l) => /^\| \d+/.test(l)).map((l) => Number(/^\| (\d+)/.exec(l)![1]));
    expect([...rows].sort((a, b) => a - b)).toEqual(declared);
    const oldest = caretRanges(engines)[0]!;
    expect(readme).toContain(`${oldest.major}.${oldest.minor}.${oldest.patch} or newer`);
  });

  it('the node running ruapi in this test run is one package.json declares', () => {
    expect(satisfies(nodeVersion(), engines), `${nodeVersion()} against engines ${engines}`).toBe(true);
    expect(satisfies('v20.18.0', engines)).toBe(false);
    expect(satisfies('v25.9.0', engines)).toBe(false);
    expect(satisfies('v26.0.0', engines)).toBe(true);
  });
});
