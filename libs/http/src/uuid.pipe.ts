import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InvalidRequestException } from './problem-details.filter';

/** Route and query ids must be UUIDs; the problem response names the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    throw new InvalidRequestException([{ field: metadata.data ?? 'id', message: 'must be a UUID' }]);
  }
}
