import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidRequestException } from '@crm/http';
import { UNSUBSCRIBE_TOKEN_PATTERN } from './unsubscribe-token';

/** A token not even shaped like one is a 400; a well-shaped one that does not verify is the service's 404. */
@Injectable()
export class UnsubscribeTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (UNSUBSCRIBE_TOKEN_PATTERN.test(value)) return value;
    throw new InvalidRequestException([{ field: 'token', message: 'not an unsubscribe token' }]);
  }
}
