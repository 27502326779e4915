import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@crm/core';
import { InvalidRequestException } from './problem-details.filter';

/** class-validator's errors as field errors, nested fields dotted (`buyer.phone`). */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every offending field in the problem response. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequestException(fieldErrorsOf(errors)),
  });
}
