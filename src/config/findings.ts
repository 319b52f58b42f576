import { redactKey } from '../core/redact.js';
import type { Finding, Protocol, Severity } from '../core/finding.js';
import { BEARER_KEY_VARIABLE, LEGACY_VARIABLES } from '../core/ruapi.js';
import { capitalise } from '../core/text.js';
import { CONFIG } from '../lang/en/config.js';
import { messages } from '../lang/t.js';
import { kindOf } from './sources/index.js';
import type { Source } from './types.js';

const t = messages(CONFIG);

/** A finding id and the severities it can have: the registry README's findings table must match. */
export interface FindingDef {
  id: string;
  severities: readonly Severity[];
}

export const CONFIG_FINDINGS = [
  { id: 'config/unreadable', severities: ['warning'] },
  { id: 'config/shadowed', severities: ['info'] },
  { id: 'config/key-on-command-line', severities: ['info'] },
  { id: 'config/protocol-guessed', severities: ['info'] },
  { id: 'config/prompt-only', severities: ['error'] },
] as const satisfies readonly FindingDef[];

/** A file that could not be read; `fix` is its source's own advice (SourceKind.repair). */
export function unreadable(label: string, reason: string, fix: string): Finding {
  return {
    id: 'config/unreadable',
    severity: 'warning',
    title: t('config/unreadable.title', { label }),
    message: t('config/unreadable.message', { reason: capitalise(reason) }),
    fix,
    source: label,
    data: { file: label },
  };
}

export function shadowed(field: 'key' | 'baseUrl' | 'model', loser: { value: string; source: Source }, winner: { value: string; source: Source }, protocol: Protocol): Finding {
  const show = (v: string) => (field === 'key' ? redactKey(v) || t('config.empty') : v === '' ? t('config.empty') : v);
  const both = loser.source.name === BEARER_KEY_VARIABLE || winner.source.name === BEARER_KEY_VARIABLE;
  const overridden = loser.source.kind !== winner.source.kind ? kindOf(loser.source).notes?.overridden : undefined;
  const legacy = LEGACY_VARIABLES[loser.source.name];
  const notes: string[] = [];
  if (both && loser.source.kind === winner.source.kind && field === 'key') {
    notes.push(t('config/shadowed.message.both-keys'));
  } else if (overridden) {
    notes.push(overridden);
  } else if (legacy) {
    notes.push(loser.source.name === 'OPENAI_API_BASE' ? t('config/shadowed.message.legacy-openai-api-base') : t('config/shadowed.message.legacy', { name: loser.source.name, legacy }));
  }
  return {
    id: 'config/shadowed',
    severity: 'info',
    title: t('config/shadowed.title', { loser: loser.source.label, winner: winner.source.label }),
    message: [t('config/shadowed.message', { used: show(winner.value), ignored: show(loser.value) }), ...notes].join(' '),
    fix: shadowFix(loser.source, winner),
    source: loser.source.label,
    protocol,
    ...(loser.source.file ? { data: fileData(loser.source) } : {}),
  };
}

/**
 * An empty value that still wins (a variable set to nothing in the shell) is removed, not the value
 * it hides; otherwise the user removes whichever of the two they do not mean.
 */
function shadowFix(loser: Source, winner: { value: string; source: Source }): string {
  const unset = winner.value.trim() === '' ? kindOf(winner.source).unset?.(winner.source) : undefined;
  if (unset) return t('config/shadowed.fix.empty', { unset, holder: kindOf(loser).holder(loser) });
  return t('config/shadowed.fix', { holder: kindOf(loser).holder(loser) });
}

export function keyOnCommandLine(): Finding {
  return {
    id: 'config/key-on-command-line',
    severity: 'info',
    title: t('config/key-on-command-line.title'),
    message: t('config/key-on-command-line.message'),
    fix: t('config/key-on-command-line.fix'),
    source: t('config.label.flag', { flag: '--key' }),
  };
}

export function protocolGuessed(protocol: Protocol, why: string, name: string): Finding {
  const other: Protocol = protocol === 'openai' ? 'anthropic' : 'openai';
  return {
    id: 'config/protocol-guessed',
    severity: 'info',
    title: t(protocol === 'openai' ? 'config/protocol-guessed.title.openai' : 'config/protocol-guessed.title.anthropic', { protocol: name }),
    message: t('config/protocol-guessed.message', { why: capitalise(why) }),
    fix: t('config/protocol-guessed.fix', { other, protocol }),
    protocol,
  };
}

/** The file and line a finding's value came from, for annotations and for fixing files later. */
export function fileData(source: Source): { file: string; line?: number } {
  return source.line ? { file: source.file!, line: source.line } : { file: source.file! };
}
