import { ConflictError } from '@crm/core';
import { assertCanStep } from './ticket-lifecycle';

describe(assertCanStep.name, () => {
  it.each([
    ['routed', 'accept'],
    ['routed', 'decline'],
    ['accepted', 'resolve'],
    ['in_progress', 'resolve'],
    ['resolved', 'close'],
    ['closed', 'reopen'],
    ['declined', 'route'],
  ] as const)('lets a %s ticket %s', (status, step) => {
    expect(() => assertCanStep(status, step)).not.toThrow();
  });

  it.each([
    ['new', 'accept'],
    ['accepted', 'decline'],
    ['routed', 'resolve'],
    ['routed', 'close'],
    ['in_progress', 'rate'],
  ] as const)('refuses to let a %s ticket %s', (status, step) => {
    expect(() => assertCanStep(status, step)).toThrow(ConflictError);
  });
});
