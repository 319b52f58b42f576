import { redactKey } from '../core/redact.js';
import type { Finding, Protocol, Severity } from '../core/finding.js';
import { BEARER_KEY_VARIABLE, LEGACY_VARIABLES } from '../core/ruapi.js';
import { capitalise } from '../core/text.js';
import { kindOf } from './sources/index.js';
import type { Source } from './types.js';

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
    title: `${label} could not be read`,
    message: `${capitalise(reason)}. The doctor went on with the other sources; nothing in this file was checked.`,
    fix,
    source: label,
    data: { file: label },
  };
}

export function shadowed(field: 'key' | 'baseUrl' | 'model', loser: { value: string; source: Source }, winner: { value: string; source: Source }, protocol: Protocol): Finding {
  const show = (v: string) => (field === 'key' ? redactKey(v) || '(empty)' : v === '' ? '(empty)' : v);
  const both = loser.source.name === BEARER_KEY_VARIABLE || winner.source.name === BEARER_KEY_VARIABLE;
  const overridden = loser.source.kind !== winner.source.kind ? kindOf(loser.source).notes?.overridden : undefined;
  const legacy = LEGACY_VARIABLES[loser.source.name];
  const notes: string[] = [];
  if (both && loser.source.kind === winner.source.kind && field === 'key') {
    notes.push('The Anthropic SDKs and Claude Code send both: ANTHROPIC_API_KEY as x-api-key and ANTHROPIC_AUTH_TOKEN as Authorization: Bearer. Keep only one, so there is no doubt which key RuAPI sees.');
  } else if (overridden) {
    notes.push(overridden);
  } else if (legacy) {
    notes.push(`${loser.source.name} is the legacy name, ${legacy}: tools may disagree about where to send requests.`);
  }
  return {
    id: 'config/shadowed',
    severity: 'info',
    title: `${loser.source.label} is overridden by ${winner.source.label}`,
    message: [`In use: ${show(winner.value)}. Ignored: ${show(loser.value)}.`, ...notes].join(' '),
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
  if (unset) return `${unset}   (it is set but empty, and hides the value in ${kindOf(loser).holder(loser)})`;
  return `Remove the value you do not mean from ${kindOf(loser).holder(loser)}.`;
}

export function keyOnCommandLine(): Finding {
  return {
    id: 'config/key-on-command-line',
    severity: 'info',
    title: 'The key was given with --key',
    message: 'Command-line arguments are saved in your shell history and other users of this machine can see them in the process list.',
    fix: 'printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin   (or set RUAPI_API_KEY in the environment)',
    source: '--key on the command line',
  };
}

export function protocolGuessed(protocol: Protocol, why: string, name: string): Finding {
  const other: Protocol = protocol === 'openai' ? 'anthropic' : 'openai';
  return {
    id: 'config/protocol-guessed',
    severity: 'info',
    title: `Checking the ${name} protocol: a guess`,
    message: `${capitalise(why)}. If your code uses the other protocol, the checks below do not apply to it.`,
    fix: `ruapi doctor --protocol ${other}   (or --protocol ${protocol} to confirm)`,
    protocol,
  };
}

/** The file and line a finding's value came from, for annotations and for fixing files later. */
export function fileData(source: Source): { file: string; line?: number } {
  return source.line ? { file: source.file!, line: source.line } : { file: source.file! };
}
