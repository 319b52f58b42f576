import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePath, displayPath } from '../../src/config/files.js';

/** What displayPath said before its fast path: path.relative for both folders. */
function reference(file: string, cwd: string, home: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  const fromHome = path.relative(home, abs);
  if (fromHome && !fromHome.startsWith('..') && !path.isAbsolute(fromHome)) return `~/${fromHome}`;
  return abs;
}

describe('displayPath', () => {
  it('shows a path relative to the working folder, under ~ or whole', () => {
    expect(displayPath('/work/app/.env', '/work/app', '/home/u')).toBe('.env');
    expect(displayPath('.claude/settings.json', '/work/app', '/home/u')).toBe('.claude/settings.json');
    expect(displayPath('/home/u/.codex/config.toml', '/work/app', '/home/u')).toBe('~/.codex/config.toml');
    expect(displayPath('/etc/claude-code/managed-settings.json', '/work/app', '/home/u')).toBe('/etc/claude-code/managed-settings.json');
  });

  it('says what path.relative says, for folders in any form', () => {
    const folders = ['/', '/work', '/work/app', '/work/app/', '/work//app', '/work/./app', '/work/x/../app', '/work/app/.', '/work/app/..', '/work/ap', '/work/app2', '/home/u', '/home/u/', '/home'];
    const files = ['/work/app/.env', '/work/app', '/work/app/..env', '/work/app/../x', '/work/app2/.env', '/work/apple', '/home/u/.env', '/home/u', '/home/user/.env', '/.env', 'rel/.env', '../up/.env', '/work/app/a/b/c.json', '/work/app//double.json'];
    for (const cwd of folders) for (const home of folders) for (const file of files) expect(displayPath(file, cwd, home), `${file} in ${cwd}, home ${home}`).toBe(reference(file, cwd, home));
  });

  it('resolves a path as path.resolve does, in any form', () => {
    const files = ['/work/app/.env', '/work/app/', '/work//app/x', '/work/./x', '/work/x/../y', '/', '/.', 'rel/x', './x', '../x', '', '/a/..', '/a/b.', '/a/.b'];
    for (const cwd of ['/work/app', '/']) for (const file of files) expect(absolutePath(cwd, file), `${file} in ${cwd}`).toBe(path.resolve(cwd, file));
  });
});
