import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CUSTOMER_KINDS, CustomerFieldsDto } from './customer-fields.dto';

export class CreateCustomerDto extends CustomerFieldsDto {
  @ApiProperty({ enum: CUSTOMER_KINDS, example: 'person' })
  @IsIn(CUSTOMER_KINDS)
  kind: (typeof CUSTOMER_KINDS)[number];

  @ApiProperty({ description: 'Name in any script', example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}
