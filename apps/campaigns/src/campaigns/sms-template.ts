import { z } from 'zod';
import { zodFieldErrors } from '@crm/http';
import { InvalidInputError } from '@crm/core';
import { Personalisation } from './campaign-template';

/** What an SMS parameter may be filled with: the recipient's replica fields (the unsubscribe is the provider's). */
export const SMS_PARAM_SOURCES = [
  'name',
  'model',
  'city',
] as const satisfies readonly (keyof Personalisation)[];
export type SmsParamSource = (typeof SMS_PARAM_SOURCES)[number];

/**
 * The provider's standard opt-out wording, part of every approved marketing template: a reply `T` opts out at the
 * provider. Replies do not reach the CRM (out of scope), so they do not withdraw the consent here.
 */
export const SMS_OPT_OUT_TEXT = '回T退订';

const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/**
 * An SMS as Chinese providers require for marketing: a template registered with the provider (its id) and the source
 * of each of its named parameters, e.g. `{ providerTemplateId: "SMS_1234", params: { name: "name", car: "model" } }`.
 * No free text: the provider's approved template holds the wording, the opt-out text included.
 */
const smsTemplateSchema = z.strictObject({
  providerTemplateId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64'),
  params: z
    .record(
      z.string().regex(PARAM_NAME, 'a parameter name: a letter, then letters, digits or _'),
      z.enum(SMS_PARAM_SOURCES),
    )
    .refine((params) => Object.keys(params).length <= 10, 'at most 10 parameters'),
});
export type SmsTemplate = z.infer<typeof smsTemplateSchema>;

/** An SMS template from a request; a bad one is a 400 naming the field, e.g. `template.params.car`. */
export function parseSmsTemplate(value: unknown, path = 'template'): SmsTemplate {
  const parsed = smsTemplateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidInputError(zodFieldErrors(parsed.error, path));
  return parsed.data;
}

/** The provider parameters for one recipient; a field the replica lacks is sent empty. */
export function smsParams(
  template: SmsTemplate,
  replica: Record<SmsParamSource, string | null>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.params).map(([param, source]) => [param, replica[source] ?? '']),
  );
}
