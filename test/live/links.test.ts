import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDoctor } from '../../src/doctor/index.js';
import { EXIT } from '../../src/core/exit.js';
import type { StepId } from '../../src/live/chain.js';
import type { LiveLink } from '../../src/live/link.js';
import { LINKS } from '../../src/live/links/index.js';
import { GRACE_MS } from '../../src/live/run.js';
import { renderJson } from '../../src/report/json.js';
import { renderHuman } from '../../src/report/human.js';
import { plain } from '../../src/core/color.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { live, target } from '../helpers/live.js';

/**
 * The chain's contract: links run in order under a guard, and a link that throws or hangs is a
 * finding (internal/live-crashed), never a crash of the doctor. Faulty links are put in the chain
 * two ways: passed to runLiveChecks directly, or (for a whole doctor run) swapped into the
 * registry the doctor reads, which this file mocks with a list it can change.
 */
const registry = vi.hoisted(() => ({ links: [] as LiveLink[] }));
vi.mock('../../src/live/links/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/live/links/index.js')>();
  registry.links.push(...real.LINKS);
  return { LINKS: registry.links };
});
const realLinks = [...LINKS];
afterEach(() => {
  registry.links.splice(0, registry.links.length, ...realLinks);
});

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.close();
});

const openai = (key = sim.key) => target('openai', sim.openaiBaseUrl, key, 'gpt-5.4-mini');

/** The real chain with the link `id` replaced by one that keeps its steps but runs `run`. */
function chainWith(id: StepId, run: LiveLink['run'], blockedBy?: LiveLink['blockedBy']): LiveLink[] {
  return realLinks.map((l) => (l.id === id ? { id: l.id, steps: l.steps, run, ...(blockedBy ? { blockedBy } : {}) } : l));
}

const throwing: LiveLink['run'] = async () => {
  throw new TypeError('cannot read properties of undefined');
};
const hanging: LiveLink['run'] = () => new Promise(() => {});

describe('a link that crashes', () => {
  it('becomes internal/live-crashed on its step: the links before it stand, the ones after it are skipped', async () => {
    const r = await live(openai(), {}, chainWith('model', throwing));
    expect(r.ids).toEqual(['internal/live-crashed']);
    const f = r.finding('internal/live-crashed');
    expect(f).toMatchObject({ severity: 'error', title: "The live check's Model link crashed", data: { step: 'model', link: 'model' } });
    expect(f.message).toMatch(/bug in ruapi, not in your set-up.*threw TypeError: cannot read properties of undefined/);
    expect(f.fix).toMatch(/report it/);
    expect(r.report.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['dns:ok', 'connect:ok', 'http:ok', 'auth:ok', 'model:fail', 'balance:skipped', 'probe:skipped']);
    expect(r.step('probe')).toMatchObject({ blockedBy: 'model' });
    expect(r.events.filter((e) => e.status !== 'running').map((e) => e.id)).toEqual(r.report.steps.map((s) => s.id).sort((a, b) => order(a) - order(b)));
  });

  it.each([
    ['throws in run', chainWith('probe', throwing)],
    ['throws outside a promise', chainWith('probe', () => { throw new Error('sync'); })],
    ['throws in blockedBy', chainWith('probe', async () => ({ steps: [], findings: [] }), () => { throw new Error('blocked'); })],
  ])('is a finding whether it %s', async (_how, links) => {
    const r = await live(openai(), {}, links);
    expect(r.ids).toEqual(['internal/live-crashed']);
    expect(r.step('probe')?.status === 'fail' || r.step('balance')?.status === 'fail').toBe(true);
  });

  it('is given up on when it is still running past the deadline, its requests cut off, within the time limit plus one second', async () => {
    const started = performance.now();
    const r = await live(openai(), { timeoutMs: 1000 }, chainWith('probe', hanging));
    expect(GRACE_MS).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(1000 + 1000);
    expect(r.ids).toEqual(['internal/live-crashed']);
    const f = r.finding('internal/live-crashed');
    expect(f.title).toBe("The live check's Probe request link crashed");
    expect(f.message).toMatch(/did not finish within the time limit/);
    expect(r.step('probe')?.status).toBe('fail');
  });

  it('never shows the key, even when the error quotes it', async () => {
    const key = sim.key;
    const r = await live(openai(), {}, chainWith('model', async () => {
      throw new Error(`bad key ${key}`);
    }));
    expect(r.finding('internal/live-crashed').message).toContain('bad key sk-…');
  });
});

const order = (id: string) => ['dns', 'connect', 'tls', 'http', 'auth', 'model', 'balance', 'probe', 'stream'].indexOf(id);

describe('a doctor run with a crashing link', () => {
  /** A set-up with an offline warning (a trailing space after the key) that the live checks do not mend. */
  const options = (extra: object = {}) => ({
    env: { OPENAI_API_KEY: `${sim.key} `, OPENAI_BASE_URL: sim.openaiBaseUrl, RUAPI_MODEL: 'gpt-5.4-mini' },
    readFiles: false,
    protocol: 'openai' as const,
    cwd: '/nonexistent',
    home: '/nonexistent',
    ...extra,
  });

  it.each([
    ['throws', throwing, {}],
    ['hangs past the deadline', hanging, { timeoutMs: 1000 }],
  ] as const)('keeps the offline findings and exits 1, not 70, when a link %s', async (_how, run, extra) => {
    const offline = await runDoctor(options({ offline: true }));
    expect(offline.result.findings.map((f) => f.id)).toContain('key/whitespace');
    registry.links.splice(0, registry.links.length, ...chainWith('model', run));
    const doctor = await runDoctor(options(extra));
    const ids = doctor.result.findings.map((f) => f.id);
    for (const f of offline.result.findings) expect(ids).toContain(f.id);
    expect(ids).toContain('internal/live-crashed');
    expect(doctor.exitCode).toBe(EXIT.problem);
    expect(doctor.result.verdict).toBe('problems');
    // The renderers take it like any finding.
    expect(JSON.parse(renderJson(doctor.result)).findings.map((f: { id: string }) => f.id)).toContain('internal/live-crashed');
    expect(renderHuman(doctor.result, { color: plain })).toContain('[internal/live-crashed]');
  });
});
