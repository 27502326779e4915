import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class MergeCustomersDto {
  @ApiProperty({
    description: 'The duplicate record; it is retired (status merged) and points to the survivor afterwards',
    example: '0b7c6a52-3f0e-4b8e-9a55-0c2f6d1e9a10',
  })
  @IsUUID()
  duplicateId: string;
}
