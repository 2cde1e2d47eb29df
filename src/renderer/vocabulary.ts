// Lists the screens offer, mirrored from src/shared/contract/requests.ts. That module also
// holds the zod schemas, and importing a value from it would put zod (~½ MB) in the renderer
// bundle; the type checks below fail the build if a list and the contract drift apart.

import type { ExportProfileId, RequestInput } from '../shared/contract/requests.ts';
import type { FieldKey } from '../shared/import/mapping.ts';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const exhaustive = <T extends true>(_check: T): void => undefined;

export type RecordableKind = RequestInput<'consent.record'>['kind'];
export type PolicyChoice = NonNullable<RequestInput<'settings.update'>['policy']>;
export type SortKey = NonNullable<RequestInput<'contacts.list'>['sort']>;

export const RECORDABLE_KINDS = ['opt-in', 'reconfirmation', 'membership-end', 'withdrawal', 'complaint', 'hard-bounce', 'note'] as const satisfies readonly RecordableKind[];
exhaustive<Exhaustive<RecordableKind, (typeof RECORDABLE_KINDS)[number]>>(true);

export const EXPORT_PROFILE_IDS = ['mailchimp', 'hubspot', 'brevo', 'listmonk', 'generic'] as const satisfies readonly ExportProfileId[];
exhaustive<Exhaustive<ExportProfileId, (typeof EXPORT_PROFILE_IDS)[number]>>(true);

export const POLICY_CHOICES = ['default', 'casl', 'eu-soft-opt-in'] as const satisfies readonly PolicyChoice[];
exhaustive<Exhaustive<PolicyChoice, (typeof POLICY_CHOICES)[number]>>(true);

export const SORT_KEYS = ['added', 'name', 'status', 'email', 'updated', 'expires'] as const satisfies readonly SortKey[];
exhaustive<Exhaustive<SortKey, (typeof SORT_KEYS)[number]>>(true);

/** The import's column targets (FIELD_KEYS in shared/import/mapping.ts, which is pure but large). */
export const FIELD_KEY_LIST = [
  'email', 'otherEmails', 'firstName', 'lastName', 'fullName', 'company', 'title', 'phone', 'city', 'country', 'tags',
  'note', 'source', 'collectedAt', 'basis', 'consent', 'optInTime', 'confirmTime', 'listStatus', 'ignore',
] as const satisfies readonly FieldKey[];
exhaustive<Exhaustive<FieldKey, (typeof FIELD_KEY_LIST)[number]>>(true);
