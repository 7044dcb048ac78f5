// Injected faults for tests and demos: an AWS error, a delay, a skewed Date header, or a dropped
// connection, applied to the next N authenticated AWS requests (optionally only for one action).
import { AwsError } from './query-protocol/aws-error';

export interface FaultRule {
  action: string | null;
  status: number | null;
  code: string | null;
  message: string | null;
  latencyMs: number;
  dateSkewSeconds: number;
  resetConnection: boolean;
  remaining: number;
}

/** Status and message for the errors the ResyncMFADevice page documents, plus common ones. */
const KNOWN_ERRORS: Record<string, { status: number; message: string }> = {
  ConcurrentModification: {
    status: 409,
    message:
      'Multiple requests to change this object were submitted simultaneously. Wait a few minutes and submit your request again.',
  },
  LimitExceeded: { status: 409, message: 'Cannot exceed quota for this operation.' },
  ServiceFailure: { status: 500, message: 'An unknown error occurred while processing the request.' },
  ServiceUnavailable: { status: 503, message: 'Service is unavailable.' },
  Throttling: { status: 400, message: 'Rate exceeded' },
  InvalidAuthenticationCode: { status: 403, message: 'Authentication code for device is not valid.' },
  NoSuchEntity: { status: 404, message: 'The requested entity cannot be found.' },
  AccessDenied: { status: 403, message: 'Access denied.' },
  ValidationError: { status: 400, message: 'Injected validation error.' },
};

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'Throttling',
  403: 'AccessDenied',
  404: 'NoSuchEntity',
  409: 'ConcurrentModification',
  500: 'ServiceFailure',
  503: 'ServiceUnavailable',
};

export class FaultSpecError extends Error {}

function optional<T>(value: unknown, check: (v: unknown) => v is T, name: string): T | null {
  if (value === undefined || value === null) return null;
  if (!check(value)) throw new FaultSpecError(`invalid ${name}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/** Validates the JSON body of POST /__sandbox/inject. */
export function parseFaultSpec(body: unknown): FaultRule {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new FaultSpecError('body must be a JSON object');
  const spec = body as Record<string, unknown>;
  const status = optional(spec.status, isInt, 'status');
  if (status !== null && (status < 400 || status > 599)) throw new FaultSpecError('status must be 400-599');
  const latencyMs = optional(spec.latencyMs, isInt, 'latencyMs') ?? 0;
  if (latencyMs < 0 || latencyMs > 120_000) throw new FaultSpecError('latencyMs must be 0-120000');
  const times = optional(spec.times, isInt, 'times') ?? 1;
  if (times < 1) throw new FaultSpecError('times must be >= 1');
  return {
    action: optional(spec.action, isString, 'action'),
    status,
    code: optional(spec.code, isString, 'code'),
    message: optional(spec.message, isString, 'message'),
    latencyMs,
    dateSkewSeconds: optional(spec.dateSkewSeconds, isInt, 'dateSkewSeconds') ?? 0,
    resetConnection: optional(spec.resetConnection, isBool, 'resetConnection') ?? false,
    remaining: times,
  };
}

/** The error a rule injects, or null when it only delays, skews or drops. */
export function injectedError(rule: FaultRule): AwsError | null {
  if (rule.status === null && rule.code === null) return null;
  const code = rule.code ?? CODE_FOR_STATUS[rule.status ?? 500] ?? 'ServiceFailure';
  const known = KNOWN_ERRORS[code];
  const status = rule.status ?? known?.status ?? 400;
  return new AwsError(code, status, rule.message ?? known?.message ?? `Injected ${code}.`);
}

export class FaultQueue {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push(rule);
  }

  /** The first rule matching this action, consumed once; rules apply in the order they were added. */
  take(action: string | null): FaultRule | null {
    const rule = this.rules.find((r) => r.action === null || r.action === action);
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  pending(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }
}
