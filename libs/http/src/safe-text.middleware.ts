import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { InvalidRequestException } from './problem-details.filter';
import { findUnsafeText } from './unsafe-text';

/** Refuses NUL characters and lone surrogates anywhere in the parsed body (keys too) or the query. */
export function safeTextMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const errors = [...findUnsafeText(request.query ?? {}), ...findUnsafeText(request.body ?? {})];
  next(errors.length > 0 ? new InvalidRequestException(errors) : undefined);
}

/** The same rule for route parameters, which only the router decodes; the problem names the parameter. */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const errors = findUnsafeText(value, metadata.data ?? '');
    if (errors.length > 0) throw new InvalidRequestException(errors);
    return value;
  }
}
