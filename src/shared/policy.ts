import * as v from 'valibot';
import { endpointRefusal, PARTITIONS, type Partition } from './partitions';
import { isAllowedEndpointOverride } from './settings';
import { isAllowedLinkUrl, isAllowedTicketTemplate } from './ticket-template';

// Enterprise policy: what an admin puts in managed storage (Chrome: managed_schema.json + OS policy;
// Firefox: policies.json `3rdparty.Extensions.<id>` or a managed-storage manifest). It is parsed
// key by key: one bad value is reported and ignored, the rest still applies. Chrome already drops
// values whose JSON type does not match managed_schema.json before the extension sees them;
// Firefox passes everything through, so type checks happen here too.
//
// Two keys restrict who and what may be used. A malformed value there is most likely an admin's
// typo in a restriction they meant, so those fail closed instead of falling back to "allow all".

export interface EndpointPolicy {
  /** One base URL serving both IAM and STS (a private gateway); https only in release builds. */
  override?: string;
  fips?: boolean;
  dualStack?: boolean;
}

export interface Policy {
  allowedAccountIds?: readonly string[];
  partition?: Partition;
  endpoints?: EndpointPolicy;
  allowLongTermKeys?: boolean;
  sessionMaxMinutes?: number;
  idleLockMinutes?: number;
  contentPromptEnabled?: boolean;
  helpdeskUrl?: string;
  helpdeskText?: string;
  /** "Ask an admin" opens this ticket URL (src/shared/ticket-template.ts). */
  helpdeskTicketUrlTemplate?: string;
  /** false: no "Ask an admin" in the popup or on the sign-in prompt. */
  askAdminEnabled?: boolean;
  copyAsCliEnabled?: boolean;
  verifyAfterResyncEnabled?: boolean;
}

export const POLICY_KEYS = [
  'allowedAccountIds',
  'partition',
  'endpoints',
  'allowLongTermKeys',
  'sessionMaxMinutes',
  'idleLockMinutes',
  'contentPromptEnabled',
  'helpdeskUrl',
  'helpdeskText',
  'helpdeskTicketUrlTemplate',
  'askAdminEnabled',
  'copyAsCliEnabled',
  'verifyAfterResyncEnabled',
] as const satisfies ReadonlyArray<keyof Policy>;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const ENDPOINT_POLICY_KEYS = ['override', 'fips', 'dualStack'] as const satisfies ReadonlyArray<
  keyof EndpointPolicy
>;

/** Each problem names an i18n message `policy_problem_<problem>` (dashes become underscores). */
export type PolicyProblem =
  | 'not-an-object'
  | 'unknown-key'
  | 'wrong-type'
  | 'out-of-range'
  | 'not-whole-minutes'
  | 'not-an-account-id'
  | 'unknown-partition'
  | 'endpoint-not-allowed'
  | 'endpoint-not-offered'
  | 'url-not-allowed'
  | 'empty'
  | 'too-long'
  | 'unreadable';

export interface PolicyError {
  /** Where: `idleLockMinutes`, `endpoints.override`, `allowedAccountIds[2]`, or `*` for the whole policy. */
  key: string;
  problem: PolicyProblem;
}

export interface ParsedPolicy {
  policy: Policy;
  errors: PolicyError[];
}

export interface PolicyParseOptions {
  /** Only the sandbox build may be pointed at a plain-http loopback endpoint. */
  sandboxBuild: boolean;
}

const BOOLEAN = v.boolean('wrong-type');
const minutes = (min: number, max: number) =>
  v.pipe(
    v.number('wrong-type'),
    v.integer('not-whole-minutes'),
    v.minValue(min, 'out-of-range'),
    v.maxValue(max, 'out-of-range'),
  );
const PARTITION = v.pipe(v.string('wrong-type'), v.picklist(PARTITIONS, 'unknown-partition'));
const HELPDESK_TEXT = v.pipe(v.string('wrong-type'), v.trim(), v.nonEmpty('empty'), v.maxLength(500, 'too-long'));
const HELPDESK_URL = v.pipe(
  v.string('wrong-type'),
  v.trim(),
  v.maxLength(2048, 'too-long'),
  v.check(isAllowedLinkUrl, 'url-not-allowed'),
);

type SimpleKey = Exclude<
  PolicyKey,
  'allowedAccountIds' | 'endpoints' | 'allowLongTermKeys' | 'verifyAfterResyncEnabled'
>;

// Ranges: idle lock as the user setting allows (whole minutes here); a session of at most a day.
const SIMPLE: { [K in SimpleKey]: v.GenericSchema<unknown, NonNullable<Policy[K]>> } = {
  partition: PARTITION,
  sessionMaxMinutes: minutes(1, 1440),
  idleLockMinutes: minutes(1, 240),
  contentPromptEnabled: BOOLEAN,
  helpdeskUrl: HELPDESK_URL,
  helpdeskText: HELPDESK_TEXT,
  // Fails closed: a template that is not allowed is dropped, so no ticket link is offered at all.
  helpdeskTicketUrlTemplate: v.pipe(
    v.string('wrong-type'),
    v.trim(),
    v.maxLength(2048, 'too-long'),
    v.check(isAllowedTicketTemplate, 'url-not-allowed'),
  ),
  askAdminEnabled: BOOLEAN,
  copyAsCliEnabled: BOOLEAN,
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemOf(issues: ReadonlyArray<{ message: string }>): PolicyProblem {
  return (issues[0]?.message ?? 'wrong-type') as PolicyProblem;
}

function parseSimple<K extends SimpleKey>(policy: Policy, key: K, value: unknown, errors: PolicyError[]): void {
  const schema: v.GenericSchema<unknown, Policy[K]> = SIMPLE[key];
  const result = v.safeParse(schema, value);
  if (result.success) policy[key] = result.output;
  else errors.push({ key, problem: problemOf(result.issues) });
}

/**
 * Fails closed: the list keeps its valid entries, so a list with no valid entry allows no account.
 * Console-style ids (`1234-5678-9012`) are accepted; numbers are not, since JSON numbers lose the
 * leading zeros some account ids have.
 */
function parseAccountIds(value: unknown, errors: PolicyError[]): string[] {
  if (!Array.isArray(value)) {
    errors.push({ key: 'allowedAccountIds', problem: 'wrong-type' });
    return [];
  }
  const ids = new Set<string>();
  value.forEach((entry, index) => {
    const id = typeof entry === 'string' ? entry.replace(/[\s-]/g, '') : undefined;
    if (id !== undefined && /^\d{12}$/.test(id)) ids.add(id);
    else errors.push({ key: `allowedAccountIds[${index}]`, problem: 'not-an-account-id' });
  });
  return [...ids];
}

function parseEndpoints(
  value: unknown,
  options: PolicyParseOptions,
  errors: PolicyError[],
): EndpointPolicy | undefined {
  if (!isRecord(value)) {
    errors.push({ key: 'endpoints', problem: 'wrong-type' });
    return undefined;
  }
  const endpoints: EndpointPolicy = {};
  for (const [key, entry] of Object.entries(value)) {
    const where = `endpoints.${key}`;
    if (key === 'fips' || key === 'dualStack') {
      if (typeof entry === 'boolean') endpoints[key] = entry;
      else errors.push({ key: where, problem: 'wrong-type' });
    } else if (key === 'override') {
      if (typeof entry !== 'string') errors.push({ key: where, problem: 'wrong-type' });
      else if (!isAllowedEndpointOverride(entry.trim(), options.sandboxBuild))
        errors.push({ key: where, problem: 'endpoint-not-allowed' });
      else endpoints.override = entry.trim();
    } else errors.push({ key: where, problem: 'unknown-key' });
  }
  return Object.keys(endpoints).length > 0 ? endpoints : undefined;
}

/** Parses whatever managed storage holds; never throws, whatever it holds. */
export function parsePolicy(raw: unknown, options: PolicyParseOptions): ParsedPolicy {
  const errors: PolicyError[] = [];
  const policy: Policy = {};
  if (raw === undefined || raw === null) return { policy, errors };
  if (!isRecord(raw)) return { policy, errors: [{ key: '*', problem: 'not-an-object' }] };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'allowedAccountIds') policy.allowedAccountIds = parseAccountIds(value, errors);
    else if (key === 'endpoints') {
      const endpoints = parseEndpoints(value, options, errors);
      if (endpoints) policy.endpoints = endpoints;
    } else if (key === 'allowLongTermKeys') {
      // Fails closed: an unreadable answer to "may long-term keys be used" is a no.
      policy.allowLongTermKeys = value === true;
      if (typeof value !== 'boolean') errors.push({ key, problem: 'wrong-type' });
    } else if (key === 'verifyAfterResyncEnabled') {
      // Fails closed too: the check keeps the keys a few minutes longer, so an admin's unreadable
      // answer to "may it" turns it off.
      policy.verifyAfterResyncEnabled = value === true;
      if (typeof value !== 'boolean') errors.push({ key, problem: 'wrong-type' });
    } else if (Object.hasOwn(SIMPLE, key)) parseSimple(policy, key as SimpleKey, value, errors);
    else errors.push({ key, problem: 'unknown-key' });
  }
  checkEndpointsOffered(policy, errors);
  return { policy, errors };
}

/**
 * FIPS or dual-stack where the pinned partition has no such endpoint (partitions.ts). Fails closed:
 * the endpoints stay as the admin wrote them, so every call is refused (EndpointUnsupported) rather
 * than sent to a standard host the admin did not ask for.
 */
function checkEndpointsOffered(policy: Policy, errors: PolicyError[]): void {
  const { endpoints, partition } = policy;
  if (!endpoints || !partition) return;
  const refusal = endpointRefusal({ partition, ...endpoints });
  if (!refusal) return;
  errors.push({ key: refusal === 'no-fips' ? 'endpoints.fips' : 'endpoints', problem: 'endpoint-not-offered' });
}
