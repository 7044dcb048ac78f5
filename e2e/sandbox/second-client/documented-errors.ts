// What the IAM and STS API references document for each error the sandbox answers with: the HTTP
// status, and the fault side (Type) that follows from it. Written down here from the references,
// not from the sandbox, so a test can hold the sandbox to them.
//
// Sources (public AWS documentation):
// - IAM API Reference, ResyncMFADevice, "Errors" (the seed iam-api-ResyncMFADevice.txt):
//   ConcurrentModification 409, InvalidAuthenticationCode 403, LimitExceeded 409, NoSuchEntity 404,
//   ServiceFailure 500. botocore's model lists the same (minus ConcurrentModification in older
//   models) with httpStatusCode and senderFault; the test checks the model too where it has them.
// - IAM API Reference, "Common Error Types": AccessDeniedException 403, ExpiredTokenException 403,
//   InvalidClientTokenId 403, ThrottlingException 400, ValidationError 400, ServiceUnavailable 503.
//   The Query protocol's wire codes drop the suffix: IAM and STS answer `AccessDenied`,
//   `ExpiredToken`, `Throttling` (as every CLI error report shows).
// - SignatureDoesNotMatch is not on the common list. IAM and STS answer it with 403, also for a
//   signing time more than 15 minutes off ("Signature expired: …"), as public CLI error reports show;
//   this one rests on those reports, not on the reference.

export interface DocumentedError {
  status: number;
  type: 'Sender' | 'Receiver';
}

const sender = (status: number): DocumentedError => ({ status, type: 'Sender' });

export const DOCUMENTED_ERRORS: Readonly<Record<string, DocumentedError>> = {
  InvalidAuthenticationCode: sender(403),
  NoSuchEntity: sender(404),
  ConcurrentModification: sender(409),
  LimitExceeded: sender(409),
  ServiceFailure: { status: 500, type: 'Receiver' },
  ServiceUnavailable: { status: 503, type: 'Receiver' },
  AccessDenied: sender(403),
  InvalidClientTokenId: sender(403),
  ExpiredToken: sender(403),
  SignatureDoesNotMatch: sender(403),
  Throttling: sender(400),
  ValidationError: sender(400),
};
