// The envelope every request is answered in, on both transports, so that errors survive
// the trip across IPC or HTTP with their code and message intact.

export type ErrorCode =
  | 'bad-request' // the payload failed validation
  | 'not-found'
  | 'unknown-method'
  | 'unauthorized'
  | 'import-failed' // the file could not be imported; message says where
  | 'conflict'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail, e.g. validation issues or the row of a bad file. */
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services for errors the user should see verbatim. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Raised on the client side when the envelope says ok: false. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}
