import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidRequestException } from '@crm/http';
import { isSalesMonth } from './sales-month';

/** A month in the path, `YYYY-MM`; the problem response names the parameter. */
@Injectable()
export class SalesMonthPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isSalesMonth(value)) return value;
    throw new InvalidRequestException([{ field: metadata.data ?? 'month', message: 'must be YYYY-MM' }]);
  }
}
