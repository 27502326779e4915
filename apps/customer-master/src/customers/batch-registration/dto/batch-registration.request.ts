import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { RegisterVehicleDto } from '../../../vehicles/dto/register-vehicle.dto';
import { CreateCustomerDto } from '../../dto/create-customer.dto';

/** Rows one call may register: enough to amortize the duplicate search, small enough for one short transaction. */
export const MAX_BATCH_REGISTRATION_ROWS = 1_000;

export class BatchRegistrationRowDto {
  @ApiProperty({ type: CreateCustomerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateCustomerDto)
  customer: CreateCustomerDto;

  @ApiPropertyOptional({
    type: RegisterVehicleDto,
    description: 'A vehicle the customer owns; a dealer caller is recorded as its seller',
  })
  @IsOptional()
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
