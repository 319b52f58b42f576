// Runs one prompt or spinner scenario of the built `ui` chunk on a real terminal, for test/ui-tty.test.ts.
// Usage: node tty-driver.mjs <scenario>; the answer goes to $RESULT_FILE as JSON (a key only as its
// sha256, so that nothing this driver writes can put the key on the screen). Errors are handled the way
// the doctor handles them: Interrupted → exit 130 with no stack trace.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ui = require(process.env.RUAPI_UI_CHUNK ?? path.resolve(import.meta.dirname, '../../dist/ui.cjs'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const models = process.env.MODEL_IDS ? JSON.parse(process.env.MODEL_IDS) : ['gpt-4o-mini', 'gpt-5', 'claude-opus-4-8', 'gemini-3.5-flash', 'deepseek-v3'];

const scenarios = {
  key: async () => {
    const key = await ui.askKey();
    return { sha256: sha256(key), length: key.length };
  },
  model: async () => ({ model: await ui.askModel(models, process.env.MODEL_INITIAL) }),
  protocol: async () => ({ protocol: await ui.askProtocol() }),
  'base-url-openai': async () => ({ baseUrl: await ui.askBaseUrl('openai') }),
  'base-url-anthropic': async () => ({ baseUrl: await ui.askBaseUrl('anthropic') }),
  'confirm-fix': async () => ({ yes: await ui.confirmFix('Use gpt-4o-mini instead?') }),
  'confirm-host': async () => ({ yes: await ui.confirmHost('api.evil.example') }),
  // The doctor's order when nothing is configured.
  setup: async () => {
    const protocol = await ui.askProtocol();
    const key = await ui.askKey();
    const baseUrl = await ui.askBaseUrl(protocol);
    const model = await ui.askModel(models);
    return { protocol, key: sha256(key), baseUrl, model };
  },
  // A fake live chain: two steps pass, one fails, one is skipped; STALL=1 makes the third hang until Ctrl-C.
  spinner: async () => {
    const spinner = ui.createStepSpinner();
    const run = async () => {
      spinner.onStep({ id: 'dns', label: 'DNS lookup', status: 'running' });
      await sleep(300);
      spinner.onStep({ id: 'dns', label: 'DNS lookup', status: 'ok', ms: 12 });
      spinner.onStep({ id: 'connect', label: 'TCP connect', status: 'running' });
      await sleep(300);
      spinner.onStep({ id: 'connect', label: 'TCP connect', status: 'ok' });
      spinner.onStep({ id: 'auth', label: 'Authentication', status: 'running' });
      spinner.onStep({ id: 'auth', label: 'Authentication', status: 'running', detail: 'waiting for the response headers' });
      if (process.env.STALL) {
        await sleep(300);
        spinner.onStep({ id: 'auth', label: 'Authentication', status: 'running', detail: 'still waiting (2 s) for the response headers' });
        await new Promise((_, reject) => spinner.signal.addEventListener('abort', () => reject(spinner.signal.reason)));
      }
      await sleep(300);
      spinner.onStep({ id: 'auth', label: 'Authentication', status: 'fail', ms: 230, detail: 'the gateway answered 401' });
      spinner.onStep({ id: 'model', label: 'Model', status: 'skipped', blockedBy: 'auth', detail: 'blocked by Authentication' });
      return { steps: 4 };
    };
    try {
      return await Promise.race([run(), spinner.interrupted]);
    } finally {
      spinner.stop();
    }
  },
};

const scenario = scenarios[process.argv[2]];
if (!scenario) {
  process.stderr.write(`tty-driver: unknown scenario ${process.argv[2]}\n`);
  process.exit(2);
}
try {
  const result = await scenario();
  if (process.env.RESULT_FILE) writeFileSync(process.env.RESULT_FILE, JSON.stringify(result));
  process.stdout.write('driver: done\n');
} catch (err) {
  if (ui.isInterrupted(err)) process.exitCode = 130;
  else {
    process.stderr.write(`driver: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  }
}
