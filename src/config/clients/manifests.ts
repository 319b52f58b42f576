import { path } from '../../core/path.js';
import { readConfigText } from '../files.js';

/** A manifest's text: read as every config file is (size-capped, UTF-8), or nothing. */
function readSmall(file: string): string | undefined {
  const read = readConfigText(file);
  return read.kind === 'text' ? read.text : undefined;
}

/**
 * The packages the project in `cwd` names: package.json's dependencies (all four kinds), and the
 * Python ones in requirements.txt and pyproject.toml, as lower-case names. Read, never run;
 * anything unreadable or malformed names nothing.
 */
export function projectPackages(cwd: string): { npm: Set<string>; pypi: Set<string> } {
  const npm = new Set<string>();
  const pypi = new Set<string>();
  const pkg = readSmall(path.join(cwd, 'package.json'));
  if (pkg !== undefined) {
    try {
      const data = JSON.parse(pkg) as Record<string, unknown>;
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        const deps = data[field];
        if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) npm.add(name.toLowerCase());
      }
    } catch {
      // A package.json that is not JSON names nothing.
    }
  }
  for (const file of ['requirements.txt', 'pyproject.toml']) {
    const text = readSmall(path.join(cwd, file));
    if (text === undefined) continue;
    // A requirement starts a line (requirements.txt) or a quoted string (pyproject.toml): `openai>=1.0`, "anthropic[bedrock]".
    for (const m of text.matchAll(/(?:^|["'])[ \t]*([A-Za-z0-9][A-Za-z0-9._-]{0,99})[ \t]*(?=[<>=!~;[ \t"']|$)/gm)) pypi.add(m[1]!.toLowerCase().replace(/_/g, '-'));
  }
  return { npm, pypi };
}
