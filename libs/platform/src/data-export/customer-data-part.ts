import { applyDecorators, Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PRIVACY_ROLES } from '@crm/contracts';

/** One service's part of a person's data export; the customer master gathers the parts (ADR 0013). */
export interface CustomerDataPart {
  source: string;
  customerId: string;
  /** Every table of the service with its rows about the customer. */
  tables: Record<string, unknown[]>;
}

/** The controller of `source`'s part: `privacy/<source>/customers`, documented under the privacy tag. */
export function CustomerDataPartController(source: string): ClassDecorator {
  return applyDecorators(ApiTags('privacy'), ApiBearerAuth(), Controller(`privacy/${source}/customers`));
}

/** `GET :id/export`, for the privacy roles only, answering a CustomerDataPart. */
export function CustomerDataPartRoute(summary: string): MethodDecorator {
  return applyDecorators(
    Get(':id/export'),
    ApiOkResponse({
      description: 'The part: every table of this service with its rows about the customer',
      schema: {
        type: 'object',
        properties: {
          source: { type: 'string' },
          customerId: { type: 'string' },
          tables: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
        },
      },
    }),
    Roles(...PRIVACY_ROLES),
    ApiOperation({ summary }),
  );
}
