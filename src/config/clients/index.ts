import type { ClientProfile } from './contract.js';
import aiSdkAnthropic from './profiles/ai-sdk-anthropic.js';
import aiSdkOpenai from './profiles/ai-sdk-openai.js';
import aider from './profiles/aider.js';
import anthropicPython from './profiles/anthropic-python.js';
import anthropicTypescript from './profiles/anthropic-typescript.js';
import claudeCode from './profiles/claude-code.js';
import codex from './profiles/codex.js';
import continueDev from './profiles/continue.js';
import curl from './profiles/curl.js';
import langchainJs from './profiles/langchain-js.js';
import langchainPython from './profiles/langchain-python.js';
import litellm from './profiles/litellm.js';
import openaiNode from './profiles/openai-node.js';
import openaiPython from './profiles/openai-python.js';
import opencode from './profiles/opencode.js';
import qwenCode from './profiles/qwen-code.js';

/**
 * Every client the doctor can judge, in the order its summary lists them. A new client is one
 * file in ./profiles/ plus its test, and its line here (and its row in README).
 */
export const CLIENT_PROFILES: readonly ClientProfile[] = [
  claudeCode,
  codex,
  opencode,
  qwenCode,
  continueDev,
  aider,
  openaiPython,
  openaiNode,
  anthropicPython,
  anthropicTypescript,
  langchainPython,
  langchainJs,
  litellm,
  aiSdkOpenai,
  aiSdkAnthropic,
  curl,
];

export const CLIENT_PROFILE_IDS: readonly string[] = CLIENT_PROFILES.map((p) => p.id);

export type { ClientProfile, ValuePlace } from './contract.js';
