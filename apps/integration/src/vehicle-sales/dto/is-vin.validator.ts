import { ValidateBy, ValidationOptions } from 'class-validator';
import { VIN_MESSAGES, vinProblem } from '@crm/core';

/** A VIN customer-master accepts (format and, where required, the check digit), so a bad one is refused before any call. */
export function IsVin(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVin',
      validator: {
        validate: (value) => typeof value === 'string' && vinProblem(value.trim()) === null,
        defaultMessage: (args) => {
          const problem = typeof args?.value === 'string' ? vinProblem(args.value.trim()) : null;
          return `VIN ${problem ? VIN_MESSAGES[problem] : 'must be a string'}`;
        },
      },
    },
    options,
  );
}
