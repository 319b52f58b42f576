import { describe, expect, it } from 'vitest';
import { TOOL_SOURCES } from '../../../src/config/tools/index.js';
import { CLIENT_IDS, CLIENT_PRECEDENCE, CLIENT_REQUEST_PATH } from '../../../src/core/clients.js';

describe('the tool sources', () => {
  it("list each client's places in the client's own precedence, as src/core/clients.ts states it", () => {
    for (const client of CLIENT_IDS) {
      expect(TOOL_SOURCES.filter((s) => s.client === client).map((s) => s.scope), client).toEqual(CLIENT_PRECEDENCE[client]);
    }
    expect(new Set(TOOL_SOURCES.map((s) => s.client))).toEqual(new Set(CLIENT_IDS));
  });

  it('say for every client how it builds its request URL from the base URL', () => {
    expect(CLIENT_REQUEST_PATH).toEqual({
      codex: { responses: { path: '/responses' } },
      opencode: { chat: { path: '/chat/completions' }, messages: { path: '/messages' } },
      'qwen-code': { chat: { path: '/chat/completions' }, messages: { path: '/v1/messages' } },
      continue: { chat: { path: 'chat/completions', relative: true }, messages: { path: 'messages', relative: true } },
      aider: { chat: { path: '/chat/completions' } },
      'claude-code': { messages: { path: '/v1/messages?beta=true' } },
    });
  });
});
