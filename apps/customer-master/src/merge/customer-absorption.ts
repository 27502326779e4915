import { Customer } from '../customers/customer';

/** Fields a merge may change on the survivor; reported as changedFields of customer.updated. */
const MERGEABLE_FIELDS = ['phones', 'emails', 'tags', 'birthday', 'address', 'gender', 'consents'] as const;

/**
 * The survivor keeps what it has and gains what only the duplicate knows: every phone, email and
 * tag, the birthday, address and gender it lacks, and consents for channels it has none for.
 */
export function absorb(survivor: Customer, duplicate: Customer, now: string): Customer {
  const channels = new Set(survivor.consents.map((consent) => consent.channel));
  return {
    ...survivor,
    phones: union(survivor.phones, duplicate.phones),
    emails: union(survivor.emails, duplicate.emails),
    tags: union(survivor.tags, duplicate.tags),
    birthday: survivor.birthday ?? duplicate.birthday,
    address: survivor.address ?? duplicate.address,
    gender:
      survivor.gender && survivor.gender !== 'unknown'
        ? survivor.gender
        : (duplicate.gender ?? survivor.gender),
    consents: [
      ...survivor.consents,
      ...duplicate.consents.filter((consent) => !channels.has(consent.channel)),
    ],
    version: survivor.version + 1,
    updatedAt: now,
  };
}

/** The duplicate becomes a pointer to the survivor; its phones go so lookups no longer find it. */
export function retire(duplicate: Customer, survivorId: string, now: string): Customer {
  return {
    ...duplicate,
    phones: [],
    status: 'merged',
    mergedInto: survivorId,
    version: duplicate.version + 1,
    updatedAt: now,
  };
}

export function changedFields(before: Customer, after: Customer): string[] {
  return MERGEABLE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function union(first: string[], second: string[]): string[] {
  return [...new Set([...first, ...second])];
}
