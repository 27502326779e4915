import { FieldError, InvalidInputError } from '@crm/core';
import { latinName, normalizePhone } from '@crm/search-keys';
import { Consent, Customer, noPersonalData } from './customer';
import { ConsentInputDto } from './dto/consent-input.dto';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';

/** A new active customer from a registration's fields; one registered alone or in a batch is built the same way. */
export function newCustomer(id: string, input: CreateCustomerDto, now: string): Customer {
  const blank: Customer = {
    id,
    kind: input.kind,
    name: input.name,
    ...noPersonalData(),
    status: 'active',
    mergedInto: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return withFields(blank, input, now);
}

/** Applies the given fields onto a customer, normalizing phones and emails; a bad phone or blank name is a 400. */
export function withFields(customer: Customer, input: UpdateCustomerDto, now: string): Customer {
  const a = input.address;
  const name = input.name?.trim() ?? customer.name;
  if (!name) throw new InvalidInputError([{ field: 'name', message: 'name must not be blank' }]);
  return {
    ...customer,
    name,
    nameLatin: latinName(name),
    phones: input.phones ? normalizePhones(input.phones) : customer.phones,
    emails: input.emails ? [...new Set(input.emails.map((e) => e.trim().toLowerCase()))] : customer.emails,
    address: a
      ? {
          province: a.province ?? null,
          city: a.city ?? null,
          district: a.district ?? null,
          street: a.street ?? null,
          postalCode: a.postalCode ?? null,
          location: a.location ?? null,
        }
      : customer.address,
    birthday: input.birthday ?? customer.birthday,
    gender: input.gender ?? customer.gender,
    tags: input.tags ? [...new Set(input.tags)] : customer.tags,
    ownerSalesRepId: input.ownerSalesRepId ?? customer.ownerSalesRepId,
    consents: input.consents ? mergeConsents(customer.consents, input.consents, now) : customer.consents,
    preferredLanguage: input.preferredLanguage ?? customer.preferredLanguage,
  };
}

function normalizePhones(phones: string[]): string[] {
  const errors: FieldError[] = [];
  const normalized = phones.map((phone, i) => {
    const result = normalizePhone(phone);
    if (!result)
      errors.push({ field: `phones.${i}`, message: `"${phone.slice(0, 40)}" is not a valid phone number` });
    return result?.e164 ?? '';
  });
  if (errors.length > 0) throw new InvalidInputError(errors);
  return [...new Set(normalized)];
}

function mergeConsents(current: Consent[], given: ConsentInputDto[], at: string): Consent[] {
  const byChannel = new Map(current.map((consent) => [consent.channel, consent]));
  for (const consent of given) byChannel.set(consent.channel, { ...consent, at });
  return [...byChannel.values()];
}
