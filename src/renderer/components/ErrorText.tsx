import { ApiCallError } from '../../shared/contract/envelope.ts';

/** An error shown next to what caused it, in a live region so screen readers hear it. */
export function ErrorText({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) return null;
  const message = errorMessage(error);
  return (
    <p className="error" role="alert" data-testid={testId ?? 'error'}>
      {message}
    </p>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError || error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
