import { CONFIG_FINDINGS, fileData, type FindingDef } from '../config/findings.js';
import type { Source, TargetConfig } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import type { CheckResult } from '../core/result.js';
import type { ModelList } from '../models/catalog.js';
import { CHECKS as WORDS } from '../lang/en/checks.js';
import { messages } from '../lang/t.js';
import baseUrlDoubleV1 from './base-url/double-v1.js';
import baseUrlEndpoint from './base-url/endpoint.js';
import baseUrlExtraV1 from './base-url/extra-v1.js';
import baseUrlHost from './base-url/host.js';
import baseUrlInvalid from './base-url/invalid.js';
import baseUrlMissing from './base-url/missing.js';
import baseUrlMissingV1 from './base-url/missing-v1.js';
import baseUrlNotHttps from './base-url/not-https.js';
import baseUrlPath from './base-url/path.js';
import { baseUrlCase, baseUrlFragment, baseUrlPort, baseUrlQuery } from './base-url/parts.js';
import baseUrlTrailingSlash from './base-url/trailing-slash.js';
import baseUrlUserinfo from './base-url/userinfo.js';
import { analyzeUrl } from './base-url/analyze.js';
import { holdsKey } from './holds-key.js';
import { analyzeKey } from './key/analyze.js';
import keyAnthropic from './key/anthropic-key.js';
import keyBearer from './key/bearer-prefix.js';
import keyFormat from './key/format.js';
import keyMissing from './key/missing.js';
import keyNonAscii from './key/non-ascii.js';
import keyOpenai from './key/openai-key.js';
import keyOther from './key/other-provider.js';
import keyQuotes from './key/quotes.js';
import keyWhitespace from './key/whitespace.js';
import modelMissing from './model/missing.js';
import modelRetired from './model/retired.js';
import modelRetiring from './model/retiring.js';
import modelUnknown from './model/unknown.js';
import type { Check, CheckContext } from './types.js';

const t = messages(WORDS);

/** Every offline check, in the order they run and are shown. */
export const CHECKS: readonly Check[] = [
  keyMissing,
  keyWhitespace,
  keyQuotes,
  keyBearer,
  keyNonAscii,
  keyAnthropic,
  keyOpenai,
  keyOther,
  keyFormat,
  baseUrlMissing,
  baseUrlInvalid,
  baseUrlNotHttps,
  baseUrlUserinfo,
  baseUrlHost,
  baseUrlEndpoint,
  baseUrlDoubleV1,
  baseUrlMissingV1,
  baseUrlExtraV1,
  baseUrlPath,
  baseUrlCase,
  baseUrlQuery,
  baseUrlFragment,
  baseUrlPort,
  baseUrlTrailingSlash,
  modelMissing,
  modelUnknown,
  modelRetired,
  modelRetiring,
];

/** A check that threw: reported as a finding, never as a crash of the doctor. */
export const CRASHED: FindingDef = { id: 'internal/check-crashed', severities: ['error'] };

/** Put in place of `model/unknown` by the doctor when the probe proved a model that the list lacks. */
export const NOT_LISTED: FindingDef = { id: 'model/not-listed', severities: ['info'] };

/**
 * Every finding id the offline doctor can produce, with its severities. README's findings table is
 * tested against this list.
 */
export const OFFLINE_FINDINGS: readonly FindingDef[] = [...CONFIG_FINDINGS, ...CHECKS.map(({ id, severities }) => ({ id, severities })), NOT_LISTED, CRASHED];

/** The checks' context for one target: its values analysed once. */
export function contextFor(target: TargetConfig, models: ModelList, now: Date): CheckContext {
  const ctx: CheckContext = { target, models, now };
  if (target.key) {
    const key = analyzeKey(target.key.value);
    if (key.core !== '') ctx.key = key;
  }
  if (target.baseUrl && target.baseUrl.value.trim() !== '') ctx.url = analyzeUrl(target.baseUrl.value, target.protocol, { holdsKey: holdsKey(target.baseUrl.value, target) });
  return ctx;
}


const FIELD = { key: 'key', url: 'baseUrl', model: 'model' } as const;

/**
 * Runs the checks for one target on the day of `now` (the run's real date, given by the caller).
 * A check whose value is absent is `skip`; a check that throws becomes an `internal/check-crashed`
 * finding and the others still run.
 */
export function runChecks(target: TargetConfig, models: ModelList, now: Date, checks: readonly Check[] = CHECKS): { findings: Finding[]; checks: CheckResult[] } {
  const findings: Finding[] = [];
  const results: CheckResult[] = [];
  let ctx: CheckContext;
  try {
    ctx = contextFor(target, models, now);
  } catch (err) {
    ctx = { target, models, now };
    findings.push(crashed('analysis', target, err));
  }
  for (const check of checks) {
    if (check.protocols && !check.protocols.includes(target.protocol)) continue;
    const started = process.hrtime.bigint();
    const sourced = check.needs ? target[FIELD[check.needs]] : undefined;
    const absent = check.needs && (check.needs === 'key' ? !ctx.key : check.needs === 'url' ? !ctx.url : !sourced || sourced.value.trim() === '');
    if (absent) {
      results.push({ id: check.id, protocol: target.protocol, title: check.title, status: 'skip', findings: [] });
      continue;
    }
    let produced: Finding[];
    try {
      produced = check.run(ctx).map((draft) => {
        const f: Finding = { id: check.id, ...draft, protocol: target.protocol };
        const source = sourceFor(check, target);
        f.source ??= source?.label;
        if (f.source === undefined) delete f.source;
        else if (source?.file && f.source === source.label) f.data = { ...f.data, ...fileData(source) };
        return f;
      });
    } catch (err) {
      produced = [crashed(check.id, target, err)];
    }
    findings.push(...produced);
    const worst = produced.some((f) => f.severity === 'error') ? 'fail' : produced.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
    results.push({ id: check.id, protocol: target.protocol, title: check.title, status: worst, findings: [...new Set(produced.map((f) => f.id))], ms: elapsedMs(started) });
  }
  return { findings, checks: results };
}

/** By default a finding is about the value its area checks: the key, the base URL or the model. */
function sourceFor(check: Check, target: TargetConfig): Source | undefined {
  const field = check.area === 'key' ? target.key : check.area === 'base-url' ? target.baseUrl : target.model;
  return field?.source;
}

function crashed(checkId: string, target: TargetConfig, err: unknown): Finding {
  const why = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
  return {
    id: CRASHED.id,
    severity: 'error',
    title: t('internal/check-crashed.title', { check: checkId }),
    message: t('internal/check-crashed.message', { why }),
    fix: t('internal/check-crashed.fix'),
    protocol: target.protocol,
  };
}

/** Milliseconds since `started`, to 0.01 ms (hrtime: `performance` would load perf_hooks at start-up). */
const elapsedMs = (started: bigint) => Number((process.hrtime.bigint() - started) / 10_000n) / 100;
