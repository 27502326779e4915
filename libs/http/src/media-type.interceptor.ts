import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { Request } from 'express';
import { Observable } from 'rxjs';

const JSON_ONLY = ['application/json'];

function hasBody(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0
  );
}

/**
 * A body must be in a media type the route declares with @ApiConsumes (JSON when it declares none),
 * so the API documents and enforces the same list; otherwise 415 instead of silently ignoring it.
 */
@Injectable()
export class MediaTypeInterceptor implements NestInterceptor {
  private readonly reflector = new Reflector();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return next.handle();
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? JSON_ONLY;
    const mediaType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (!mediaType || !accepted.includes(mediaType)) {
      throw new UnsupportedMediaTypeException(
        `Send the body as ${accepted.join(' or ')}, not ${mediaType ?? 'without a content type'}`,
      );
    }
    return next.handle();
  }
}
