// The envelope every request is answered in, on both transports, so that errors survive
// the trip across IPC or HTTP with their code and message intact.

import type { AppMessageCode, MessageParams } from './dto.ts';

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
  /** The message's sentence as a code and the values it names, for the UI's language (APP_MESSAGE_CODES). */
  messageCode?: AppMessageCode;
  messageParams?: MessageParams;
}

/** An error's sentence as a code, for the UI to say in its own language. */
export interface CodedSentence {
  messageCode: AppMessageCode;
  messageParams?: MessageParams;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services for errors the user should see verbatim. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly sentence: CodedSentence | undefined;
  constructor(code: ErrorCode, message: string, details?: unknown, sentence?: CodedSentence) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.sentence = sentence;
  }

  /** The error as an envelope carries it. */
  toApiError(): ApiError {
    return { code: this.code, message: this.message, details: this.details, ...this.sentence };
  }

  static from(error: ApiError): AppError {
    const { code, message, details, messageCode, messageParams } = error;
    return new AppError(code, message, details, messageCode ? { messageCode, messageParams } : undefined);
  }
}

/** Raised on the client side when the envelope says ok: false. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly messageCode: AppMessageCode | undefined;
  readonly messageParams: MessageParams;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
    this.messageCode = error.messageCode;
    this.messageParams = error.messageParams ?? {};
  }
}
