import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { ENTRIES } from '../../src/knowledge/index.js';
import { useEntryTexts } from '../../src/knowledge/localized.js';
import { ENTRY_TEXT_RU } from '../../src/knowledge/ru/index.js';
import { RU } from '../../src/lang/ru/index.js';
import { useLanguage } from '../../src/lang/t.js';
import { timeoutFinding } from '../../src/live/findings/network.js';
import { streamCutFinding } from '../../src/live/findings/stream.js';
import { knowledgeSteps } from '../../src/live/kb.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { runCli, type RunResult } from '../helpers/cli.js';
import { live, target } from '../helpers/live.js';

/**
 * The live checks in Russian: the findings, the steps' labels and details, the waits, the counts
 * and the knowledge base's steps; and the same runs in English, word for word as before.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.close();
});

function russian(): void {
  useLanguage('ru', RU);
  useEntryTexts(ENTRY_TEXT_RU);
}
afterEach(() => {
  useLanguage('en');
  useEntryTexts(undefined);
});

/** `ruapi doctor` against the simulator in `lang`, the key on stdin (never in any output). */
async function doctor(lang: 'ru' | 'en', key: string, args: string[], model = 'gpt-5.4-mini'): Promise<RunResult & { json?: DoctorResult }> {
  const all = ['doctor', '--key-stdin', '--protocol', 'openai', '--base-url', sim.openaiBaseUrl, '--model', model, ...args];
  const r = await runCli(all, { input: key, env: { RUAPI_LANG: lang }, timeoutMs: 20_000 });
  expect(r.stdout + r.stderr).not.toContain(key);
  return args.includes('--json') ? { ...r, json: JSON.parse(r.stdout) as DoctorResult } : r;
}

describe('ruapi doctor in Russian: the live chain', () => {
  it('shows every step of a good run with Russian labels, counts and times', async () => {
    const r = await doctor('ru', sim.key, ['--ci']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TCP-соединение +\d+ мс/);
    expect(r.stdout).toMatch(/Ответ HTTP .*GET \/v1\/models ответил 200: \d+ модел(ь|и|ей)/);
    expect(r.stdout).toContain('ключ принят (список моделей получен)');
    expect(r.stdout).toContain('gpt-5.4-mini есть в списке шлюза');
    expect(r.stdout).toMatch(/Пробный запрос .*max_completion_tokens 1 для gpt-5\.4-mini: ответ за \d+ мс \(стоимость ничтожная\)/);
    expect(r.stdout).toContain('Проверка связи пройдена: 127.0.0.1:');
    expect(r.stdout).toMatch(/Время: DNS \d+ мс, соединение \d+ мс, первый байт \d+ мс, всего \d+ мс\./);
    expect(r.stdout).not.toMatch(/TCP connect|Probe request|Live check passed|the key was accepted/);
  });

  it('says in Russian that the gateway rejected the key, with the entry\'s Russian steps, and the JSON differs only in its words', async () => {
    const [ru, en] = await Promise.all([doctor('ru', sim.faultKeys['401']!, ['--json']), doctor('en', sim.faultKeys['401']!, ['--json'])]);
    expect(ru.code).toBe(1);
    expect(en.code).toBe(1);
    const fRu = ru.json!.findings.find((f) => f.id === 'live/401')!;
    const fEn = en.json!.findings.find((f) => f.id === 'live/401')!;
    expect(fRu.title).toBe('Шлюз не принял ключ (401)');
    expect(fRu.message).toMatch(/^На GET http:\/\/127\.0\.0\.1:\d+\/v1\/models пришёл ответ 401\. Ответ шлюза: «.+»\. Ключ был отправлен как Authorization: Bearer sk-…, и шлюз его не принимает/);
    expect(fRu.fix).toMatch(/^1\. Откройте «Консоль → Токены»/);
    expect(fRu.fix).not.toContain('ruapi doctor');
    expect(fEn.title).toBe('The gateway rejected the key (401)');
    expect(fEn.message).toContain('The key was sent as Authorization: Bearer sk-…; the gateway does not accept it');
    // What scripts read is the same in both languages.
    expect(ru.json!.findings.map((f) => [f.id, f.severity])).toEqual(en.json!.findings.map((f) => [f.id, f.severity]));
    expect(fRu.source).toBe('стандартный ввод (--key-stdin)');
    expect({ ...fRu.data, requestId: null }).toEqual({ ...fEn.data, requestId: null });
    const steps = (r: typeof ru) => r.json!.live[0]!.steps.map((s) => [s.id, s.status, s.blockedBy ?? null]);
    expect(steps(ru)).toEqual(steps(en));
    expect(ru.json!.live[0]!.steps.find((s) => s.id === 'model')!.detail).toBe('не проверено из-за шага «Ключ»');
    expect(en.json!.live[0]!.steps.find((s) => s.id === 'model')!.detail).toBe('blocked by Key');
  });

  it('suggests the closest model id in Russian quotes, then the knowledge base\'s Russian steps', async () => {
    const r = await doctor('ru', sim.key, ['--json'], 'gpt-5.4-minii');
    const f = r.json!.findings.find((x) => x.id === 'live/404-model')!;
    expect(f.title).toBe('Шлюз не знает модель «gpt-5.4-minii»');
    expect(f.message).toContain('ID модели должен совпадать в точности: регистр, дефисы, точки и даты. Может быть, имелась в виду «gpt-5.4-mini»');
    expect(f.fix).toMatch(/^1\. Укажите модель gpt-5\.4-mini\n2\. Найдите точный ID/);
    const en = await doctor('en', sim.key, ['--json'], 'gpt-5.4-minii');
    const e = en.json!.findings.find((x) => x.id === 'live/404-model')!;
    expect(e.message).toContain('Model ids must match exactly: case, hyphens, dots and dates. Did you mean "gpt-5.4-mini"');
    expect(e.fix).toMatch(/^1\. Set the model to gpt-5\.4-mini\n2\. /);
  });
});

describe('the live checks in Russian, from the source', () => {
  it('say what each running step waits for, in Russian', async () => {
    russian();
    const r = await live(target('openai', sim.openaiBaseUrl, sim.key, 'gpt-5.4-mini'));
    const running = r.events.filter((e) => e.status === 'running').map((e) => `${e.label}: ${e.detail}`);
    expect(running).toContain('Ответ HTTP: ожидание ответа на GET /v1/models');
    expect(running).toContain('Пробный запрос: ожидание ответа на POST /v1/chat/completions: запрос на один токен, стоимость ничтожная');
    expect(r.step('dns')!.label).toBe('DNS');
    expect(r.step('dns')!.detail).toBe('IP-адрес: искать в DNS нечего');
  });

  it('count events with the Russian plural forms and write time limits with a decimal comma', () => {
    russian();
    const c = { target: target('openai', 'https://www.ruapi.ai/v1', 'sk-x', 'gpt-5.4-mini'), base: new URL('https://www.ruapi.ai/v1') };
    const stalled = (events: number) => timeoutFinding(c, { kind: 'timeout', phase: 'body', message: 'timeout' }, { limitMs: 8000, what: 'POST /v1/chat/completions', events });
    expect(stalled(1).message).toContain('после 1 события перестал идти');
    expect(stalled(3).message).toContain('после 3 событий перестал идти');
    expect(stalled(21).message).toContain('после 21 события перестал идти');
    expect(stalled(3).message).toMatch(/^Ожидание остальной части ответа не уложилось в отведённое время \(8,0 с\)\./);
    expect(stalled(3).title).toBe('Время вышло: ожидание остальной части ответа');
    const answer = { status: 200, headers: {}, body: '', ms: 10, firstByteMs: 5 } as unknown as Parameters<typeof streamCutFinding>[1];
    const req = { method: 'POST', url: 'https://www.ruapi.ai/v1/chat/completions', headers: {}, body: '' } as unknown as Parameters<typeof streamCutFinding>[2];
    expect(streamCutFinding(c, answer, req, { events: 2, terminal: 'data: [DONE]' }).message).toMatch(/^Потоковый запрос закончился после 2 событий без завершающего data: \[DONE\]\./);
    useLanguage('en');
    expect(stalled(1).message).toContain('stopped sending after 1 event:');
    expect(stalled(3).message).toMatch(/^Nothing more came within the time limit \(8\.0 s\) while waiting for the rest of the answer\. The stream started, then stopped sending after 3 events:/);
  });

  it("give the knowledge base's steps in the language in use, never the doctor's own", () => {
    const entry = ENTRIES.find((e) => e.code === '401')!;
    const english = knowledgeSteps('401');
    expect(english).toEqual(entry.fix.filter((s) => !/ruapi doctor/.test(s)).slice(0, 3));
    russian();
    const steps = knowledgeSteps('401');
    expect(steps).toEqual(ENTRY_TEXT_RU[entry.id]!.fix.filter((s) => !/ruapi doctor/.test(s)).slice(0, 3));
    expect(steps[0]).toMatch(/^Откройте «Консоль → Токены»/);
    expect(knowledgeSteps('404', 'model-id').join('\n')).toMatch(/[а-я]/);
  });
});
