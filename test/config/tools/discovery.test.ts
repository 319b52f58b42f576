import { describe, expect, it } from 'vitest';
import { discoverConfig } from '../../../src/config/discover.js';
import { runDoctor } from '../../../src/doctor/index.js';
import { renderHuman } from '../../../src/report/human.js';
import { plain } from '../../../src/core/color.js';
import { place, toolFixture } from './helpers.js';

const KEY = 'sk-toolsDISCOVERY0123456789abcdefABCDEF0';

/** A working folder and home with every tool's file in it, and a .env the doctor reads. */
function everyTool({ claudeSettings = true } = {}) {
  return place(
    {
      cwd: {
        '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai\n`,
        'opencode.jsonc': toolFixture('opencode', 'opencode.jsonc'),
        '.qwen/settings.json': toolFixture('qwen-code', 'settings.json'),
        '.aider.conf.yml': toolFixture('aider', 'aider.conf.yml'),
      },
      home: {
        '.codex/config.toml': toolFixture('codex', 'config.toml'),
        '.continue/config.yaml': toolFixture('continue', 'config.yaml'),
        ...(claudeSettings ? { '.claude/settings.json': toolFixture('claude-code', 'settings.json') } : {}),
      },
      system: { 'etc/claude-code/managed-settings.json': toolFixture('claude-code', 'managed-settings.json') },
    },
    { RUAPI_API_KEY: 'sk-namedBYenvKEY0123456789abcdefABCDEF01' },
  );
}

describe("the tools' config files in discovery", () => {
  it('are reported as tools, one entry per file found, and change no target, finding or file list', () => {
    const input = everyTool();
    const withTools = discoverConfig(input);
    const without = discoverConfig({ ...input, toolSources: [] });
    expect(withTools.targets).toEqual(without.targets);
    expect(withTools.findings).toEqual(without.findings);
    expect(withTools.files).toEqual(without.files);
    expect(withTools.tools!.map((t) => `${t.client} ${t.scope} ${t.file?.label}`)).toEqual([
      'codex user ~/.codex/config.toml',
      'opencode project opencode.jsonc',
      'qwen-code project .qwen/settings.json',
      'continue user ~/.continue/config.yaml',
      'aider cwd .env .env',
      'aider cwd .aider.conf.yml',
      'claude-code managed /etc/claude-code/managed-settings.json',
      'claude-code user ~/.claude/settings.json',
    ]);
    expect(without.tools).toEqual([]);
  });

  it("adds the keys the tools' files hold, or name a variable for, to the secrets", () => {
    const { secrets } = discoverConfig(everyTool());
    expect(secrets).toEqual(expect.arrayContaining([KEY, 'sk-namedBYenvKEY0123456789abcdefABCDEF01', 'sk-continue-literal-0123456789abcdef', 'sk-aider-literal-0123456789abcdef', 'sk-claude-settings-0123456789abcdef']));
  });

  it('reads none of them when no file may be read', () => {
    expect(discoverConfig({ ...everyTool(), readFiles: false }).tools).toEqual([]);
  });

  it('leave the merged view as it was, and add a verdict for each tool found', async () => {
    // Claude Code's settings are also one of the doctor's own sources: left out here, so that only the tools' files differ.
    const input = everyTool({ claudeSettings: false });
    const bare = place({ cwd: { '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai\n` } });
    const run = async (at: typeof input) => {
      const r = await runDoctor({ cwd: at.cwd, home: at.home, env: input.env, offline: true });
      const tools = discoverConfig({ flags: {}, cwd: at.cwd, home: at.home, env: input.env }).tools!;
      const text = (t: string) => t.replaceAll(at.cwd, 'CWD').replaceAll(at.home, 'HOME');
      // Check timings (`ms`) differ from run to run.
      return { tools: tools.length, configs: text(JSON.stringify(r.result.configs)), clients: (r.result.clients ?? []).map((c) => c.id), human: text(renderHuman(r.result, { color: plain, verbose: true, files: r.files })) };
    };
    const [withTools, without] = await Promise.all([run(input), run(bare)]);
    expect(withTools.tools).toBe(6); // the managed file is under the real /etc here
    expect(without.tools).toBe(1); // the .env, which aider reads too
    expect(withTools.configs).toEqual(without.configs);
    // RUAPI_API_KEY in the environment: any SDK might be the one meant to use it (and none reads it).
    expect(without.clients).toEqual(['openai-python', 'openai-node', 'anthropic-python', 'anthropic-typescript']);
    expect(withTools.clients).toEqual(expect.arrayContaining(['codex', 'opencode', 'qwen-code', 'continue', 'aider', 'openai-python', 'openai-node']));
    for (const label of ['Codex CLI', 'opencode', 'Qwen Code', 'Continue', 'aider']) expect(withTools.human).toMatch(new RegExp(`^  . ${label} `, 'm'));
  });
});
