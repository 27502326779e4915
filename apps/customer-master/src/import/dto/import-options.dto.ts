import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ImportOptionsQuery {
  @ApiPropertyOptional({
    description: 'Name of the uploaded file, kept on the job for people to recognize it',
    example: 'dms-export-2024-05.csv',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName?: string;
}
