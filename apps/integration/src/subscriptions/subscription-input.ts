import { FieldError, InvalidInputError } from '@crm/core';
import { SUBSCRIBABLE_EVENTS } from './subscribable-events';
import { SubscriptionFilters } from './subscription';

const MAX_FILTER_FIELDS = 10;
const MAX_FILTER_VALUES = 50;
const MAX_VALUE_LENGTH = 200;

/** The event types, each one the catalog knows (a 400 names the unknown one), without repeats. */
export function checkedEventTypes(types: string[]): string[] {
  const errors: FieldError[] = types.flatMap((type, index) =>
    SUBSCRIBABLE_EVENTS.has(type)
      ? []
      : [
          {
            field: `eventTypes[${index}]`,
            message: `unknown event type "${type}"; see GET /subscriptions/event-types`,
          },
        ],
  );
  if (errors.length > 0) throw new InvalidInputError(errors);
  return [...new Set(types)];
}

/** The filters as lists of values, on payload fields of the subscribed types (a 400 names the field). */
export function checkedFilters(
  raw: Record<string, unknown> | undefined,
  eventTypes: string[],
): SubscriptionFilters {
  const entries = Object.entries(raw ?? {});
  if (entries.length > MAX_FILTER_FIELDS)
    throw new InvalidInputError([{ field: 'filters', message: `at most ${MAX_FILTER_FIELDS} fields` }]);
  const known = new Set(eventTypes.flatMap((type) => SUBSCRIBABLE_EVENTS.get(type)?.fields ?? []));
  const errors: FieldError[] = [];
  const filters: SubscriptionFilters = {};
  for (const [field, value] of entries) {
    const values = Array.isArray(value) ? value : [value];
    if (!known.has(field))
      errors.push({
        field: `filters.${field}`,
        message: `no subscribed event type has a payload field "${field}"`,
      });
    else if (!isValueList(values))
      errors.push({
        field: `filters.${field}`,
        message: `a string or a list of 1 to ${MAX_FILTER_VALUES} strings of at most ${MAX_VALUE_LENGTH} characters`,
      });
    else filters[field] = values;
  }
  if (errors.length > 0) throw new InvalidInputError(errors);
  return filters;
}

function isValueList(values: unknown[]): values is string[] {
  return (
    values.length > 0 &&
    values.length <= MAX_FILTER_VALUES &&
    values.every((v) => typeof v === 'string' && v.length <= MAX_VALUE_LENGTH)
  );
}
