import type { Message } from '../t.js';
import type { CLI_EXPLAIN as EN } from '../en/cli-explain.js';

/** The Russian usage errors and prompt of `ruapi explain`, part of CLI (./cli.ts). */
export const CLI_EXPLAIN: Record<keyof typeof EN, Message> = {
  'cli.explain.nothing': 'объяснять нечего.\nУкажите код (ruapi explain 401), текст ошибки в кавычках или передайте его через конвейер.',
  'cli.explain.paste': 'Вставьте текст ошибки и нажмите Ctrl-D (в Windows — Ctrl-Z, затем Enter).',
  'cli.explain.stdin-empty': 'стандартный ввод пуст: передайте через него текст ошибки или укажите код (ruapi explain 401).',
  'cli.explain.blank': 'объяснять нечего: укажите код (ruapi explain 401) или текст ошибки.',
};
