/** The JSON fields whose text follows the language (README, "Languages"); every other byte is the same. */
export const HUMAN_FIELDS = {
  finding: ['title', 'message', 'fix', 'source'],
  check: ['title'],
  client: ['summary', 'foundBy', 'sources'],
  setup: ['where', 'text'],
  step: ['label', 'detail'],
  sources: ['baseUrl', 'key', 'model', 'protocol'],
  unverified: ['reason'],
  /** `ruapi report --json`'s `summary` and `reminder`, `ruapi models --json`'s `note`. */
  top: ['summary', 'reminder', 'note'],
  /** `ruapi explain --json`: each match's title and steps. */
  match: ['title', 'fix'],
  /** `ruapi doctor --demo --json`: each demo's title and the problem it shows. */
  demo: ['title', 'problem'],
} as const;

type Json = Record<string, unknown>;
let dropped: string[] = [];
const drop = (o: unknown, keys: readonly string[]) => {
  if (!o || typeof o !== 'object') return;
  for (const k of keys) {
    const v = (o as Json)[k];
    dropped.push(...(Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []));
    delete (o as Json)[k];
  }
};
/**
 * A doctor's JSON result without the human-text fields, which follow the language: what scripts
 * read, byte for byte the same in every language. The text taken out is added to `said`.
 */
export function withoutHumanText(result: unknown, said: string[] = []): unknown {
  dropped = said;
  const d = JSON.parse(JSON.stringify(result)) as Json;
  doctorResult(d);
  drop(d, HUMAN_FIELDS.top);
  each(d.matches, HUMAN_FIELDS.match);
  for (const demo of (d.demo as Json[] | undefined) ?? []) {
    drop(demo, HUMAN_FIELDS.demo);
    doctorResult(demo.result as Json);
  }
  return d;
}

const each = (list: unknown, keys: readonly string[]) => (Array.isArray(list) ? list : []).forEach((x) => drop(x, keys));

/** A doctor result (also inside a support report and a demo), in place. */
function doctorResult(d: Json | undefined): void {
  if (!d) return;
  each(d.findings, HUMAN_FIELDS.finding);
  each(d.checks, HUMAN_FIELDS.check);
  each(d.unverified, HUMAN_FIELDS.unverified);
  for (const c of (d.clients as Json[] | undefined) ?? []) {
    drop(c, HUMAN_FIELDS.client);
    drop(c.setup, HUMAN_FIELDS.setup);
    each(c.findings, HUMAN_FIELDS.finding);
  }
  for (const l of (d.live as Json[] | undefined) ?? []) each(l.steps, HUMAN_FIELDS.step);
  for (const c of [d.config, ...((d.configs as unknown[] | undefined) ?? [])]) drop((c as Json | undefined)?.sources, HUMAN_FIELDS.sources);
}
