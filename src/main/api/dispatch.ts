// One handler table, two transports. Every payload arrives as unknown, is parsed with the
// contract's schema, runs the handler, and goes back as an envelope so errors keep their code.

import { z } from 'zod';
import { AppError, type Envelope } from '../../shared/contract/envelope.ts';
import {
  isMethod,
  requestSchemas,
  type Method,
  type RequestParsed,
  type ResponseMap,
} from '../../shared/contract/requests.ts';
import { isStoreBusy, storeBusyError } from '../store/busy.ts';
import { damagedError, isStoreDamaged, isStoreReadOnly, readOnlyError } from '../store/open.ts';
import { diskFullError, isDiskFull } from '../store/disk-full.ts';

export type Handlers = {
  [M in Method]: (input: RequestParsed<M>) => ResponseMap[M] | Promise<ResponseMap[M]>;
};

export type Dispatch = (method: unknown, payload: unknown) => Promise<Envelope<unknown>>;

/** `storePath` names the workspace in the messages for a damaged or read-only file. */
export function createDispatcher(handlers: Handlers, onInternalError: (error: unknown) => void = () => {}, storePath = 'the workspace'): Dispatch {
  return async (method, payload) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${String(method)}` } };
    }
    const parsed = requestSchemas[method].safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad-request', message: describeIssues(method, parsed.error), details: parsed.error.issues },
      };
    }
    try {
      // The map type ties each method to its handler; TypeScript cannot correlate the union here.
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      if (isStoreBusy(error)) return { ok: false, error: storeBusyError().toApiError() };
      if (isStoreReadOnly(error)) return { ok: false, error: readOnlyError(storePath).toApiError() };
      if (isStoreDamaged(error)) return { ok: false, error: damagedError(storePath, [(error as Error).message]).toApiError() };
      if (isDiskFull(error)) return { ok: false, error: diskFullError().toApiError() };
      onInternalError(error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Unexpected error: ${message}` } };
    }
  };
}

function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid request to ${method}: ${parts.join('; ')}`;
}
