// Errors shaped like the AWS SDK v3's, for the error-mapping tests (see map-aws-error.ts for the
// observed shapes). Test-only: never bundled.

/** Shaped like an AWS SDK v3 service exception. */
export function sdkError(
  name: string,
  status: number,
  message = `${name} message`,
  extra: Record<string, unknown> = {},
) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: `req-${name}`, attempts: 1, totalRetryDelay: 0 },
    $fault: status >= 500 ? 'server' : 'client',
    ...extra,
  });
}

/** A modelled IAM exception: class name with "Exception", the wire code in `Code`. */
export function modelledError(code: string, status: number, message = `${code} message`) {
  return sdkError(`${code}Exception`, status, message, {
    Code: code,
    Error: { Type: 'Sender', Code: code, Message: message },
  });
}
