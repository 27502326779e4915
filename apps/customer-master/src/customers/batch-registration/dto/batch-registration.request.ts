import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsOptional,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RegisterVehicleDto } from '../../../vehicles/dto/register-vehicle.dto';
import { CreateCustomerDto } from '../../dto/create-customer.dto';

/** Rows one call may register: enough to amortize the duplicate search, small enough for one short transaction. */
export const MAX_BATCH_REGISTRATION_ROWS = 1_000;

/** Either `customer` (registered, or matched to a stored customer) or `customerId` with a `vehicle`. */
export class BatchRegistrationRowDto {
  @ApiPropertyOptional({
    type: CreateCustomerDto,
    description: 'The customer to register; required without customerId',
  })
  @ValidateIf((row: BatchRegistrationRowDto) => row.customerId === undefined)
  @IsDefined({ message: 'customer or customerId is required' })
  @ValidateNested()
  @Type(() => CreateCustomerDto)
  customer?: CreateCustomerDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Instead of customer: an active customer the caller may see, who owns the vehicle',
  })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({
    type: RegisterVehicleDto,
    description:
      'A vehicle the customer owns (required with customerId); a dealer caller is recorded as its seller',
  })
  @ValidateIf((row: BatchRegistrationRowDto) => row.customerId !== undefined || row.vehicle !== undefined)
  @IsDefined({ message: 'vehicle is required with customerId' })
  @ValidateNested()
  @Type(() => RegisterVehicleDto)
  vehicle?: RegisterVehicleDto;
}

export class BatchRegistrationRequest {
  @ApiProperty({
    type: [BatchRegistrationRowDto],
    minItems: 1,
    maxItems: MAX_BATCH_REGISTRATION_ROWS,
    description: 'Each row is checked on its own: a bad row is answered rejected, the others are registered',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_REGISTRATION_ROWS)
  rows: unknown[];
}
