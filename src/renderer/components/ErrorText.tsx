import { errorMessage } from '../util/errors.ts';

/** An error shown where it happened, announced by screen readers (role=alert). */
export function ErrorText({ error, testId, id }: { error: unknown; testId?: string; id?: string }) {
  if (error === null || error === undefined || error === '') return null;
  return (
    <p className="error" role="alert" id={id} data-testid={testId ?? 'error'}>
      {errorMessage(error)}
    </p>
  );
}
