import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '@crm/http';
import { POWERTRAINS, Powertrain, SpecMap } from '../catalog';
import { IsSpecMap } from './spec-map.validator';

/** Validates a field only when sent, so null is refused where the field cannot be empty. */
const whenSent = ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** The fields a PATCH body sent (validated DTOs carry the others as undefined). */
export function sentFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export class ChangeModelDto {
  @ApiPropertyOptional({ example: 'Aurora S7 极光' })
  @whenSent
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

export class ChangeTrimDto {
  @ApiPropertyOptional({ example: '长续航版 Long Range' })
  @whenSent
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: POWERTRAINS })
  @whenSent
  @IsIn(POWERTRAINS)
  powertrain?: Powertrain;

  @ApiPropertyOptional({ nullable: true, type: String, example: '1.5T', description: 'null for a BEV' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  engine?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 2000 })
  @whenSent
  @IsInt()
  @Min(1)
  @Max(2000)
  powerKw?: number;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 2000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  rangeKm?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 })
  @whenSent
  @IsInt()
  @Min(1)
  @Max(12)
  seats?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Replaces the whole spec map',
  })
  @whenSent
  @IsSpecMap()
  specs?: SpecMap;
}

export class ChangeSellingPointDto {
  @ApiPropertyOptional({ example: 'CLTC 续航 702 公里，冬季有热泵' })
  @whenSent
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text?: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'null: the whole model' })
  @IsOptional()
  @IsUUID()
  trimId?: string | null;
}

export class ChangeFaqDto {
  @ApiPropertyOptional({ example: '冬天续航会打几折？' })
  @whenSent
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  question?: string;

  @ApiPropertyOptional({ example: '热泵空调下，零下十度约保持百分之七十五。' })
  @whenSent
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  answer?: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'null: the whole model' })
  @IsOptional()
  @IsUUID()
  trimId?: string | null;
}

export class ChangePriceDto {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    example: '2026-12-31',
    description: 'The last day the price applies; null makes it open-ended again',
  })
  @ValidateIf((_dto: object, value: unknown) => value !== null)
  @IsCalendarDate()
  validTo: string | null;
}
