import { describe, expect, it } from 'vitest';
import { displayWidth, wrapLine } from '../../src/core/wrap.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { KEY } from '../helpers/doctor.js';
import { startRuapi, stripSgr, TMUX_MISSING } from '../helpers/tmux.js';

/**
 * Human output fits the terminal (#17): wrapped at spaces to its width, never inside a word; on a
 * pipe, not at all. Run on a real terminal at 60 and 120 columns, against the same command on a pipe.
 */

/** What ruapi wrote, as the lines it wrote (the raw log, colours stripped), not as the terminal folded them. */
const written = (raw: string) => stripSgr(raw).replace(/\r/g, '').replace(/\n+$/, '').split('\n');
const words = (lines: string[]) => lines.join(' ').split(/\s+/).filter(Boolean);

const CASES: Array<{ name: string; args: string[]; env?: Record<string, string>; code: number }> = [
  { name: 'explain 404', args: ['explain', '404'], code: 0 },
  { name: 'doctor with a broken base URL', args: ['doctor', '--ci', '--offline', '--model', 'gpt-5.4-mini'], env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai' }, code: 1 },
];

describe.skipIf(TMUX_MISSING)('wrapping to the terminal', () => {
  for (const width of [60, 120]) {
    for (const c of CASES) {
      it(`${c.name} at ${width} columns: every prose line fits, no word is split, and the words are those of the piped output`, async () => {
        const cwd = tempDir();
        const piped = await runCli(c.args, { cwd, home: cwd, env: c.env ?? {} });
        expect(piped.code).toBe(c.code);
        const pipedLines = piped.stdout.replace(/\n+$/, '').split('\n');
        const t = await startRuapi(c.args, { cwd, home: cwd, env: c.env ?? {}, width, height: 60 });
        expect(await t.waitForExit(15_000)).toBe(c.code);
        const lines = written(t.raw());
        // A line wider than the terminal is code written as it is (the set-up's snippets), never prose.
        for (const l of lines.filter((x) => displayWidth(x) > width)) expect(pipedLines).toContain(l);
        expect(words(lines)).toEqual(words(pipedLines));
        if (pipedLines.some((l) => displayWidth(l) > width && !/^ {4,}\S/.test(l))) expect(lines.length).toBeGreaterThan(pipedLines.length);
        await t.kill();
      });
    }
  }

  it('on a pipe nothing is wrapped', async () => {
    const r = await runCli(['explain', '404'], {});
    expect(r.stdout.split('\n').some((l) => l.length > 120)).toBe(true);
  });
});

describe('wrapLine', () => {
  it('hangs continued lines under the text after the indent and marker', () => {
    expect(wrapLine('    1. Find the exact id: run the models command or open the pricing page', 40)).toEqual(['    1. Find the exact id: run the models', '       command or open the pricing page']);
    expect(wrapLine('        fix:  unset OPENAI_BASE_URL   (then the value it hides is used)', 44)).toEqual(['        fix:  unset OPENAI_BASE_URL   (then', '              the value it hides is used)']);
  });

  it('never splits a word longer than the width, and counts colour codes and wide characters right', () => {
    const url = `https://www.ruapi.ai/${'x'.repeat(50)}`;
    expect(wrapLine(`  - open ${url} now`, 30)).toEqual(['  - open', `    ${url}`, '    now']);
    expect(displayWidth('\x1b[31m✗\x1b[39m 余额不足')).toBe(10);
    expect(wrapLine('Ошибка 401: ключ не подходит к этому шлюзу, проверьте его', 30).every((l) => displayWidth(l) <= 30)).toBe(true);
  });
});
