import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class RegisterOptionsQuery {
  @ApiPropertyOptional({
    description: 'Create the record even though likely duplicates exist',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  allowDuplicate?: boolean;
}
