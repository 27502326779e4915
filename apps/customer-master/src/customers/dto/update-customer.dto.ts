import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CustomerFieldsDto } from './customer-fields.dto';

/** Only the fields given change; consents given replace the consent of their channel. */
export class UpdateCustomerDto extends CustomerFieldsDto {
  @ApiPropertyOptional({ description: 'Name in any script', example: '张三' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
}
