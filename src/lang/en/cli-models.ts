/** The English words of `ruapi models` (src/commands/models.ts), part of CLI (./cli.ts). */
export const CLI_MODELS = {
  /** The note under the list and in `--json`: RuAPI's docs name the main site's pricing page as where it publishes the models it sells. */
  'cli.models.note':
    "Ids marked docs are named in RuAPI's docs; the others are the providers' own ids for the families RuAPI sells, not checked against RuAPI's price list. Retirement dates are the providers' (RuAPI may serve an id longer, or stop sooner). RuAPI accepts exact ids only; the pricing page on https://www.ruapi.ai is the authority.",
  'cli.models.docs': 'docs',
  /** An id's upstream status. */
  'cli.models.status.current': 'current',
  'cli.models.status.retiring': 'retiring on {date}',
  'cli.models.status.retiring-undated': 'retiring (date not published)',
  'cli.models.status.retired': 'retired {date}',
  'cli.models.status.retired-undated': 'retired (date not published)',
  'cli.models.status.replacement': '{status}, use {id}',
  /** The heading of the list. */
  'cli.models.heading': 'Model ids, bundled snapshot of {date}, as of {today}:',
  'cli.models.heading-filter': 'Model ids, bundled snapshot of {date}, as of {today}, containing "{filter}":',
  'cli.models.heading-retired': 'Model ids retired upstream as of {today}, to migrate from:',
  'cli.models.heading-retired-filter': 'Model ids retired upstream as of {today}, to migrate from, containing "{filter}":',
  'cli.models.hidden': {
    one: '{n} retired ids are not shown: `ruapi models --retired` lists them with their replacements.',
    other: '{n} retired ids are not shown: `ruapi models --retired` lists them with their replacements.',
  },
  /** `ruapi models FILTER` when no id it shows contains the filter. */
  'cli.models.none': 'ruapi: no model id in the bundled list (snapshot {date}) contains "{filter}".',
  'cli.models.none-retired': 'ruapi: no retired model id in the bundled list (snapshot {date}) contains "{filter}".',
  'cli.models.none-but-working': {
    one: 'ruapi: no retired model id in the bundled list (snapshot {date}) contains "{filter}", but {n} id that still works upstream does: `ruapi models {filter}` lists it.',
    other: 'ruapi: no retired model id in the bundled list (snapshot {date}) contains "{filter}", but {n} ids that still work upstream do: `ruapi models {filter}` lists them.',
  },
  'cli.models.none-but-retired': {
    one: 'ruapi: no model id that still works upstream contains "{filter}", but {n} id retired upstream does: `ruapi models {filter} --retired` lists it with its replacement.',
    other: 'ruapi: no model id that still works upstream contains "{filter}", but {n} ids retired upstream do: `ruapi models {filter} --retired` lists them with their replacements.',
  },
  'cli.models.meant-filter': {
    one: 'Did you mean "{filter}"? `{command}` lists {n} id.',
    other: 'Did you mean "{filter}"? `{command}` lists {n} ids.',
  },
  'cli.models.meant-ids': 'Did you mean {ids}?',
} as const;
