import { kindOf } from '../../config/sources/index.js';
import type { Source } from '../../config/types.js';
import type { Protocol } from '../../core/finding.js';
import { looksLikeKey } from '../../core/keys.js';
import { EXAMPLE_MODEL } from '../../core/ruapi.js';
import { CATALOG_AUTHORITY, type ModelList } from '../../models/catalog.js';
import { currentAlternative, isRetired, lifecycleOf, RETIRING_SOON_DAYS, type Lifecycle } from '../../models/lifecycle.js';
import { matchModel } from '../../models/suggest.js';
import { assignment } from '../fix.js';
import { plural, shorten } from '../text.js';
import type { Draft } from '../types.js';

/** The finding ids a model id can get offline, each its own check (src/checks/model/). */
export type ModelFindingId = 'model/unknown' | 'model/retired' | 'model/retiring';

/** A model id to judge: one value of a set-up, wherever it came from. */
export interface ModelIdInput {
  value: string;
  /** Where it came from: the fix is written for this place. */
  source: Source;
  protocol: Protocol;
  /** The list to compare with: the gateway's own when it gave one, else the bundled snapshot. */
  models: ModelList;
  /** The day to compare retirement dates with: the run's real date, given, never read here. */
  now: Date;
  /** True when the value holds one of the set-up's keys (the caller knows them). */
  holdsKey?: boolean;
}

export type ModelDraft = Draft & { id: ModelFindingId };

/**
 * Everything the offline doctor says about one model id: not listed or written differently
 * (`model/unknown`), retired upstream (`model/retired`), or retiring soon (`model/retiring`).
 * Pure: the same input gives the same findings. Used for the main model value and for every
 * other model id a set-up names (Claude Code's model variables, tools' config files).
 */
export function judgeModelId(input: ModelIdInput): ModelDraft[] {
  const { value, source, protocol, models, now } = input;
  if (value.trim() === '') return [];
  if (looksLikeKey(value) || input.holdsKey) {
    return [
      {
        id: 'model/unknown',
        severity: 'error',
        title: 'The model id is an API key',
        message: `${source.label} holds a key, not a model id: the key was pasted where the model goes. It is not shown here.`,
        fix: `Set the model to an id from \`ruapi models\` (e.g. ${EXAMPLE_MODEL[protocol]}), and keep the key only where the key goes.`,
        source: source.label,
      },
    ];
  }
  const life = lifecycleOf(value, now);
  // Retired: that is why a list lacks it. Retiring: a note of its own, beside what the list says.
  if (life?.status === 'retired') return [lifecycleFinding(life, input)];
  const retiring = life?.status === 'retiring' ? [lifecycleFinding(life, input)] : [];
  if (models.ids.includes(value)) return retiring;
  // A retired id written differently (claude-sonnet-4.5): say that it is retired, not "did you mean".
  const meant = life ? undefined : matchModel(value, models.ids);
  const meantLife = meant?.kind === 'variant' && meant.suggestions.length === 1 ? lifecycleOf(meant.suggestions[0]!, now) : undefined;
  if (meantLife?.status === 'retired') return [lifecycleFinding(meantLife, input)];
  // Listed in the snapshot but not on the gateway's list: the gateway's list wins.
  return [unknownFinding(input), ...retiring];
}

function lifecycleFinding(life: Lifecycle, input: ModelIdInput): ModelDraft {
  const { source, models } = input;
  // The id as the catalogue writes it; the value may be that id written differently.
  const value = life.entry.id;
  const written = input.value === value ? '' : `${shorten(input.value)} is ${value} written differently (RuAPI matches ids exactly). `;
  const named = life.replacement;
  const instead = named ?? currentAlternative(value, input.now);
  const from = `(source: ${life.entry.sources.join('; ')})`;
  const insteadWords = named
    ? `The provider names ${named} in its place.`
    : instead
      ? `The sources ruapi read name no replacement; ${instead} is the newest current ${life.entry.family} id on the list.`
      : 'The sources ruapi read name no replacement.';
  const gateway = models.source === 'gateway' ? (models.ids.includes(value) ? " The gateway's own list still names it: only a request can tell whether RuAPI still serves it." : " The gateway's own list does not name it either.") : '';
  const fix = instead ? assignment(source, source.name, instead) : `Pick a current id from \`ruapi models\` or ${CATALOG_AUTHORITY}.`;
  const data = {
    lifecycle: { status: life.status, retires: life.retires, ...(named ? { replacement: named } : {}), sources: life.entry.sources },
    ...(instead ? { suggestions: [instead], fix: { field: 'model', value: instead } } : {}),
  };
  if (life.status === 'retired') {
    const when = life.retires ? `on ${life.retires}` : 'on a date the sources ruapi read do not give';
    return {
      id: 'model/retired',
      severity: 'error',
      title: `${shorten(value, 60)} was retired upstream ${when}${instead ? `; use ${instead}` : ''}`,
      message: `${written}Its provider shut ${shorten(value)} down ${when} ${from}, so requests to it fail unless RuAPI keeps serving it on its own.${gateway} ${insteadWords}`,
      fix,
      source: source.label,
      data,
    };
  }
  const soon = life.daysLeft! <= RETIRING_SOON_DAYS;
  return {
    id: 'model/retiring',
    severity: soon ? 'warning' : 'info',
    title: `${shorten(value, 60)} retires upstream on ${life.retires} (in ${plural(life.daysLeft!, 'day')})${instead ? `; use ${instead}` : ''}`,
    message: `${written}Its provider shuts ${shorten(value)} down on ${life.retires} ${from}; after that, requests to it fail unless RuAPI keeps serving it on its own.${gateway} ${insteadWords}`,
    fix,
    source: source.label,
    data,
  };
}

function unknownFinding(input: ModelIdInput): ModelDraft {
  const { value, source, models, now } = input;
  // The did-you-mean never offers an id that is retired upstream.
  const match = matchModel(value, models.ids.filter((id) => !isRetired(id, now)));
  const listed =
    models.source === 'gateway'
      ? `the gateway's own list (${plural(models.ids.length, 'id')})`
      : `the bundled list of ${plural(models.ids.length, 'id')} (snapshot ${models.date}; \`ruapi models\` prints it)`;
  // A tool that reads this source may expand aliases itself (Claude Code: opus, sonnet …).
  const aliases = kindOf(source).notes?.modelAliases;
  const toolAlias = aliases?.ids.includes(value.trim().toLowerCase()) ? aliases.note : undefined;
  const why: Record<typeof match.kind, string> = {
    exact: '',
    variant: match.prefix
      ? `The ${match.prefix} prefix is for routers such as LiteLLM and aider, which remove it before sending; RuAPI expects the bare id, exactly.`
      : 'RuAPI matches ids exactly, case, hyphens and dots included: this is a listed id written differently.',
    alias: toolAlias ?? 'RuAPI accepts exact ids only, not family names or aliases.',
    dated: 'The list has this model with a different (or no) date suffix.',
    partial: 'This is the beginning of longer ids; RuAPI accepts complete ids only.',
    typo: `It is close to ${match.suggestions[0]}: ${match.difference}.`,
    none:
      models.source === 'gateway'
        ? 'Nothing on the list is close.'
        : `Nothing on the list is close. The bundled list is a snapshot and may miss newer models: ${CATALOG_AUTHORITY} is the authority.`,
  };
  const certain = models.source === 'gateway' || match.kind === 'variant' || (match.kind === 'alias' && !toolAlias);
  const [best, ...others] = match.suggestions;
  return {
    id: 'model/unknown',
    severity: certain ? 'error' : 'warning',
    title: best ? `Unknown model id: did you mean ${best}?` : `Unknown model id ${shorten(value.trim(), 60)}`,
    message: `${shorten(value)} is not on ${listed}. ${why[match.kind]}`,
    fix: best ? `${assignment(source, source.name, best)}${others.length > 0 ? `   (or: ${others.join(', ')})` : ''}` : `Pick an id from \`ruapi models\` or ${CATALOG_AUTHORITY}.`,
    source: source.label,
    data: {
      suggestions: match.suggestions,
      list: { source: models.source, count: models.ids.length, ...(models.date ? { date: models.date } : {}) },
      ...(best ? { fix: { field: 'model', value: best } } : {}),
    },
  };
}
