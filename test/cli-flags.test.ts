import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_FLAGS, DOCTOR_FLAGS, langIn, readFlags } from '../src/commands/flags.js';
import { createProgram } from '../src/program.js';

/**
 * cli.ts answers `ruapi doctor …` and `ruapi report …` without commander, with readFlags(). Whatever
 * it accepts, commander must accept too and read into the same options; whatever commander
 * refuses (or answers with help or the version), readFlags must hand over to it.
 */

class Stop extends Error {}

/** What the command's action would get from commander, or undefined when commander refuses, helps or prints the version. */
function commanderReads(args: string[]): Record<string, unknown> | undefined {
  const program = createProgram({ isDebug: () => false });
  let seen: Record<string, unknown> | undefined;
  program.hook('preAction', (_root, action) => {
    seen = { ...program.opts(), ...action.opts() };
    throw new Stop();
  });
  const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
  try {
    program.parse(['node', 'ruapi', ...args]);
    return undefined;
  } catch (err) {
    return err instanceof Stop ? seen : undefined;
  } finally {
    for (const spy of quiet) spy.mockRestore();
  }
}

const fastReads = (args: string[]) => {
  const [command, ...rest] = args;
  if (command === 'doctor') return readFlags(rest, [...CONFIG_FLAGS, ...DOCTOR_FLAGS]);
  if (command === 'report') return readFlags(rest, CONFIG_FLAGS);
  throw new Error(`not a fast-path command: ${command}`);
};

afterEach(() => vi.restoreAllMocks());

describe("cli.ts's reading of doctor and report flags", () => {
  it.each([
    [['doctor']],
    [['doctor', '--offline']],
    [['doctor', '--ci', '--json', '--protocol', 'anthropic', '--model', 'claude-opus-4-8']],
    [['doctor', '--key-stdin', '--base-url', 'https://www.ruapi.ai/v1', '--timeout', '2.5', '--no-probe', '--stream']],
    [['doctor', '--allow-host', 'a.example', '--allow-host', 'b.example:8443', '--env-file', 'config/.env.local']],
    [['doctor', '--format', 'junit', '--output', 'ruapi.xml', '--strict', '--verbose']],
    [['doctor', '--fix', '--yes', '--no-color', '--debug']],
    [['doctor', '--debug', '--demo', '--model', 'gpt-5.4-mini', '--model', 'gpt-4.1']],
    [['doctor', '--key', '', '--base-url', '']],
    [['report', '--json', '--offline']],
    [['report', '--key-stdin', '--timeout', '3600']],
    [['doctor', '--lang', 'ru', '--offline']],
    [['report', '--offline', '--lang', 'en', '--lang', 'ru_RU.UTF-8']],
  ])('reads %j as commander does', (args) => {
    const fast = fastReads(args);
    expect(fast).toBeDefined();
    expect(fast).toEqual(commanderReads(args));
  });

  it.each([
    [['doctor', '--help']],
    [['doctor', '-h']],
    [['doctor', '--version']],
    [['doctor', '--offline', '-V']],
    [['doctor', '--offline', '-v']],
    [['doctor', 'extra']],
    [['doctor', '--']],
    [['doctor', '--timeout=5']],
    [['doctor', '--protocol', 'grpc']],
    [['doctor', '--timeout', 'soon']],
    [['doctor', '--timeout', '0']],
    [['doctor', '--timeout', '3601']],
    [['doctor', '--model']],
    [['doctor', '--model', '--offline']],
    [['doctor', '--key', '-']],
    [['doctor', '--probe']],
    [['doctor', '--color']],
    [['doctor', '--bogus']],
    [['report', '--strict']],
    [['report', '--format', 'json']],
  ])('hands %j to commander', (args) => {
    expect(fastReads(args)).toBeUndefined();
  });

  it('never accepts a line that commander reads otherwise (random lines from every flag, value and oddity)', () => {
    const flags = [...CONFIG_FLAGS, ...DOCTOR_FLAGS].map((f) => f.flags.split(' ')[0] as string);
    const words = [
      ...flags,
      '--debug', '--no-color', '--lang', '--lang=ru', 'ru', 'en', '--probe', '--color', '--help', '-h', '-V', '-v', '--version', '--', '--timeout=5', '--base-url=https://x', '-x', 'help', 'extra',
      'openai', 'anthropic', 'grpc', 'human', 'json', 'junit', 'markdown', '5', '0', '3601', '1.5', ' 7', 'soon', '', '-', 'https://www.ruapi.ai/v1', 'sk-abc', 'a.example',
    ];
    let seed = 12;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const args = [random() < 0.8 ? 'doctor' : 'report', ...Array.from({ length: Math.floor(random() * 7) }, () => words[Math.floor(random() * words.length)] as string)];
      const fast = fastReads(args);
      if (fast === undefined) continue;
      accepted++;
      expect(fast, JSON.stringify(args)).toEqual(commanderReads(args));
    }
    // Enough lines took the fast path for this to say something.
    expect(accepted).toBeGreaterThan(300);
  });
});

describe('--lang, a flag of every command', () => {
  it.each([
    [['--lang', 'ru'], 'ru'],
    [['doctor', '--offline', '--lang', 'ru'], 'ru'],
    [['explain', '--lang=en', '404'], 'en'],
    [['models', '--lang', 'ru', '--lang', 'en'], 'en'],
    [['explain', '--', '--lang', 'ru'], undefined],
    [['doctor', '--offline'], undefined],
  ])('langIn(%j) is %j, as commander reads it', (args, lang) => {
    expect(langIn(args)).toBe(lang);
    if (args[0] === 'doctor' || args[0] === 'models') expect(commanderReads([...args, '--json'])?.lang).toBe(lang);
  });
});
