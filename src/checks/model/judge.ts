import { kindOf } from '../../config/sources/index.js';
import type { Source } from '../../config/types.js';
import type { Protocol } from '../../core/finding.js';
import { looksLikeKey } from '../../core/keys.js';
import { EXAMPLE_MODEL } from '../../core/ruapi.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import type { ModelList } from '../../models/catalog.js';
import { currentAlternative, isRetired, lifecycleOf, RETIRING_SOON_DAYS, type Lifecycle } from '../../models/lifecycle.js';
import { matchModel } from '../../models/suggest.js';
import { assignment } from '../fix.js';
import { shorten } from '../text.js';
import type { Draft } from '../types.js';

const t = messages(CHECKS);

/** Sentences of one message, those present joined by a space. */
const sentences = (...parts: Array<string | false | undefined>): string => parts.filter(Boolean).join(' ');

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
        title: t('model/unknown.title.key'),
        message: t('model/unknown.message.key', { label: source.label }),
        fix: t('model/unknown.fix.key', { model: EXAMPLE_MODEL[protocol] }),
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
  const written = input.value !== value && t('model/lifecycle.written', { value: shorten(input.value), id: value });
  const named = life.replacement;
  const instead = named ?? currentAlternative(value, input.now);
  const sources = t('model/lifecycle.sources', { sources: life.entry.sources.join('; ') });
  const insteadWords = named
    ? t('model/lifecycle.replacement', { replacement: named })
    : instead
      ? t('model/lifecycle.newest', { id: instead, family: life.entry.family })
      : t('model/lifecycle.no-replacement');
  const gateway = models.source === 'gateway' && (models.ids.includes(value) ? t('model/lifecycle.gateway-lists') : t('model/lifecycle.gateway-lacks'));
  const fix = instead ? assignment(source, source.name, instead) : t('model/lifecycle.fix');
  const data = {
    lifecycle: { status: life.status, retires: life.retires, ...(named ? { replacement: named } : {}), sources: life.entry.sources },
    ...(instead ? { suggestions: [instead], fix: { field: 'model', value: instead } } : {}),
  };
  if (life.status === 'retired') {
    const params = { model: shorten(value, 60), date: life.retires ?? '', instead: instead ?? '' };
    const title = life.retires ? (instead ? 'model/retired.title.instead' : 'model/retired.title') : instead ? 'model/retired.title.undated.instead' : 'model/retired.title.undated';
    const shut = t(life.retires ? 'model/retired.message' : 'model/retired.message.undated', { model: shorten(value), date: life.retires ?? '', sources });
    return {
      id: 'model/retired',
      severity: 'error',
      title: t(title, params),
      message: sentences(written, shut, gateway, insteadWords),
      fix,
      source: source.label,
      data,
    };
  }
  const soon = life.daysLeft! <= RETIRING_SOON_DAYS;
  return {
    id: 'model/retiring',
    severity: soon ? 'warning' : 'info',
    title: t(instead ? 'model/retiring.title.instead' : 'model/retiring.title', { model: shorten(value, 60), date: life.retires!, n: life.daysLeft!, instead: instead ?? '' }),
    message: sentences(written, t('model/retiring.message', { model: shorten(value), date: life.retires!, sources }), gateway, insteadWords),
    fix,
    source: source.label,
    data,
  };
}

function unknownFinding(input: ModelIdInput): ModelDraft {
  const { value, source, models, now } = input;
  // The did-you-mean never offers an id that is retired upstream.
  const match = matchModel(value, models.ids.filter((id) => !isRetired(id, now)));
  // A tool that reads this source may expand aliases itself (Claude Code: opus, sonnet …).
  const aliases = kindOf(source).notes?.modelAliases;
  const toolAlias = aliases?.ids.includes(value.trim().toLowerCase()) ? aliases.note : undefined;
  const why = (): string => {
    switch (match.kind) {
      case 'exact':
        return '';
      case 'variant':
        return match.prefix ? t('model/unknown.why.prefix', { prefix: match.prefix }) : t('model/unknown.why.variant');
      case 'alias':
        return toolAlias ?? t('model/unknown.why.alias');
      case 'dated':
        return t('model/unknown.why.dated');
      case 'partial':
        return t('model/unknown.why.partial');
      case 'typo':
        return t('model/unknown.why.typo', { model: String(match.suggestions[0]), difference: String(match.difference) });
      case 'none':
        return models.source === 'gateway' ? t('model/unknown.why.none') : t('model/unknown.why.none.bundled');
    }
  };
  const listed = { model: shorten(value), n: models.ids.length, date: models.date ?? '', why: why() };
  const certain = models.source === 'gateway' || match.kind === 'variant' || (match.kind === 'alias' && !toolAlias);
  const [best, ...others] = match.suggestions;
  return {
    id: 'model/unknown',
    severity: certain ? 'error' : 'warning',
    title: best ? t('model/unknown.title.suggest', { model: best }) : t('model/unknown.title', { model: shorten(value.trim(), 60) }),
    message: t(models.source === 'gateway' ? 'model/unknown.message.gateway' : 'model/unknown.message.bundled', listed),
    fix: best ? fixTo(assignment(source, source.name, best), others) : t('model/unknown.fix'),
    source: source.label,
    data: {
      suggestions: match.suggestions,
      list: { source: models.source, count: models.ids.length, ...(models.date ? { date: models.date } : {}) },
      ...(best ? { fix: { field: 'model', value: best } } : {}),
    },
  };
}

/** The fix to the best match, and the other matches after it. */
const fixTo = (assignment: string, others: readonly string[]): string => (others.length > 0 ? t('model/unknown.fix.others', { assignment, others: others.join(', ') }) : assignment);
