import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { ROOT, runCli, tempDir, type RunResult } from './cli.js';

/** A fake token shaped like a RuAPI one (the same as in fixtures/config/). */
export const KEY = 'sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t';
export const OPENAI_GOOD = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' };
export const ANTHROPIC_GOOD = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai' };

export const fixture = (name: string): Buffer => readFileSync(path.join(ROOT, 'fixtures/config', name));

export interface DoctorCase {
  /** Files in the project folder (the working directory), e.g. `.env`, `.claude/settings.json`. */
  project?: Record<string, string | Buffer>;
  /** Files in the temporary home folder, e.g. `.claude/settings.json`. */
  home?: Record<string, string | Buffer>;
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  /** Extra secrets this run uses, to be sure none appears in any output. */
  secrets?: string[];
  timeoutMs?: number;
  /** Runs once the folders exist and before ruapi does: for links, modes and owners. */
  setup?: (dirs: { cwd: string; home: string }) => void;
}

export interface DoctorRun extends RunResult {
  /** Parsed stdout when it is JSON. */
  json?: DoctorResult;
  ids: string[];
  cwd: string;
  home: string;
}

/**
 * Runs the built `ruapi` in its own home and project folders, and checks on every run that no
 * key used in the test (or in its files) appears in stdout, stderr or any file it wrote.
 */
export async function doctor(args: string[], c: DoctorCase = {}): Promise<DoctorRun> {
  const home = tempDir(c.home ?? {});
  const cwd = tempDir(c.project ?? {});
  c.setup?.({ cwd, home });
  const r = await runCli(args, { home, cwd, env: c.env ?? {}, ...(c.input !== undefined ? { input: c.input } : {}), timeoutMs: c.timeoutMs ?? 15_000 });
  const secrets = [KEY, ...(c.secrets ?? []), ...Object.entries(c.env ?? {}).filter(([k]) => /KEY|TOKEN/.test(k)).map(([, v]) => v ?? '')];
  const keyArg = args.indexOf('--key');
  if (keyArg >= 0 && args[keyArg + 1]) secrets.push(args[keyArg + 1]!);
  if (typeof c.input === 'string') secrets.push(c.input);
  const outputArg = args.indexOf('--output');
  const written = outputArg >= 0 && existsSync(path.resolve(cwd, args[outputArg + 1]!)) ? readFileSync(path.resolve(cwd, args[outputArg + 1]!), 'utf8') : '';
  expectNoSecret([r.stdout, r.stderr, written], secrets);
  let json: DoctorResult | undefined;
  if (args.includes('--json') || args.includes('json')) {
    try {
      json = JSON.parse(r.stdout) as DoctorResult;
    } catch {
      json = undefined;
    }
  }
  return { ...r, ...(json ? { json } : {}), ids: json?.findings ? json.findings.map((f) => f.id) : [], cwd, home };
}

/** The parts of a secret that must never be printed: the whole, the trimmed, and its middle. */
export function expectNoSecret(outputs: string[], secrets: string[]): void {
  for (const secret of secrets) {
    const forms = new Set([secret, secret.trim()].filter((s) => s.length >= 12));
    const core = secret.trim().replace(/^["']|["']$/g, '').replace(/^Bearer\s+/i, '');
    // What is left once the prefix and the last four characters (which redaction shows) are cut.
    if (core.length >= 20) forms.add(core.slice(7, -4));
    for (const out of outputs) {
      for (const form of forms) expect(out.includes(form), `output contains a secret (${form.slice(0, 6)}…)`).toBe(false);
    }
  }
}

/** A run that must end promptly with one clear line, no stack trace. */
export function expectCleanFailure(r: RunResult, code: number): void {
  expect(r.code).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(r.stderr).not.toMatch(/internal error/);
}
