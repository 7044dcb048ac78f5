import * as v from 'valibot';
import { ADMIN_REQUEST_VERSION } from './admin-request';
import { PARTITIONS } from './partitions';
import { validateSerialNumber, validateUserName } from './resync-validation';

// The versioned schema of an admin request (v1), in valibot like every message of the extension.
// The popup does not ship valibot (size budget, README "Performance"), so admin-request.ts checks
// the same rules by hand; admin-request.test.ts fuzzes both and holds them to the same answer.

const valid = (check: (value: string) => string | null) => v.check<string>((value) => check(value) === null);
const matches = (pattern: RegExp) => v.check<string>((value) => pattern.test(value));
const SIX_DIGITS = v.pipe(v.string(), matches(/^[0-9]{6}$/));

export const AdminRequestEnvelope = v.strictObject({
  v: v.literal(ADMIN_REQUEST_VERSION),
  partition: v.picklist(PARTITIONS),
  account: v.pipe(v.string(), matches(/^\d{12}$/)),
  userName: v.pipe(v.string(), valid(validateUserName), matches(/^\S+$/)),
  serialNumber: v.optional(v.pipe(v.string(), valid(validateSerialNumber), matches(/^\S+$/))),
  codes: v.optional(
    v.pipe(
      v.strictObject({
        code1: SIX_DIGITS,
        code2: SIX_DIGITS,
        /** When the user read the codes (ms since 1970). */
        readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
      v.check((pair) => pair.code1 !== pair.code2),
    ),
  ),
  /** FNV-1a of the fields: catches a request altered on its way (not a signature: IAM decides). */
  sum: v.pipe(v.string(), matches(/^[0-9a-f]{8}$/)),
});
