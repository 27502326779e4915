import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PageQuery } from '@crm/http';
import { MoneyDto, MoneyView } from '../../opportunities/dto/money.dto';
import { CatalogHitKind, NOTE_KINDS, POWERTRAINS, Powertrain, SpecMap } from '../catalog';
import { REGION, REGION_MESSAGE } from '../region';
import { IsSpecMap } from './spec-map.validator';

const CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

export class AddModelDto {
  @ApiProperty({ example: 'AURORA-S7', description: 'Upper-case letters, digits and dashes; unique' })
  @Matches(CODE, { message: 'code must be upper-case letters, digits and dashes such as AURORA-S7' })
  code: string;

  @ApiProperty({ example: 'Aurora S7 极光' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: '中大型纯电轿车 / mid-size electric sedan' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class AddTrimDto {
  @ApiProperty({ example: 'AURORA-S7-LR' })
  @Matches(CODE, { message: 'code must be upper-case letters, digits and dashes such as AURORA-S7-LR' })
  code: string;

  @ApiProperty({ example: '长续航版 Long Range' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: POWERTRAINS })
  @IsIn(POWERTRAINS)
  powertrain: Powertrain;

  @ApiPropertyOptional({ example: '1.5T', description: 'Combustion engine; none for a BEV' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  engine?: string;

  @ApiProperty({ example: 250, minimum: 1, maximum: 2000 })
  @IsInt()
  @Min(1)
  @Max(2000)
  powerKw: number;

  @ApiPropertyOptional({ example: 702, minimum: 1, maximum: 2000, description: 'Electric range (CLTC)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  rangeKm?: number;

  @ApiProperty({ example: 5, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  seats: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { '0-100km/h': '5.9s', 'battery kWh': 85, 'heat pump': true },
  })
  @IsOptional()
  @IsSpecMap()
  specs?: SpecMap;
}

export class AddPriceDto {
  @ApiProperty({ example: 'CN-SH' })
  @Matches(REGION, { message: REGION_MESSAGE })
  region: string;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  price: MoneyDto;

  @ApiProperty({ example: '2026-01-01', format: 'date' })
  @IsCalendarDate()
  validFrom: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'Last day; open-ended without' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
}

export class PriceQuery {
  @ApiProperty({ example: 'CN-SH' })
  @Matches(REGION, { message: REGION_MESSAGE })
  region: string;

  @ApiPropertyOptional({ example: '2026-06-01', format: 'date', description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class AddSellingPointDto {
  @ApiProperty({ example: 'CLTC 续航 702 公里，冬季有热泵' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only for this trim of the model' })
  @IsOptional()
  @IsUUID()
  trimId?: string;
}

export class AddFaqDto {
  @ApiProperty({ example: '冬天续航会打几折？' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  question: string;

  @ApiProperty({ example: '热泵空调下，零下十度约保持百分之七十五。' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  answer: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only for this trim of the model' })
  @IsOptional()
  @IsUUID()
  trimId?: string;
}

export class ModelView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'AURORA-S7' }) code: string;
  @ApiProperty({ example: 'Aurora S7 极光' }) name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When it was retired from sale (its trims with it); null while offered',
  })
  retiredAt: string | null;
}

export class ModelListView {
  @ApiProperty({ type: [ModelView] }) items: ModelView[];
}

export class TrimView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) modelId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: POWERTRAINS }) powertrain: Powertrain;
  @ApiProperty({ nullable: true, type: String }) engine: string | null;
  @ApiProperty() powerKw: number;
  @ApiProperty({ nullable: true, type: Number }) rangeKm: number | null;
  @ApiProperty() seats: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  specs: SpecMap;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When it was retired from sale; null while offered (a retired model retires its trims too)',
  })
  retiredAt: string | null;
}

export class PriceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) trimId: string;
  @ApiProperty({ example: 'CN-SH' }) region: string;
  @ApiProperty({ type: MoneyView }) price: MoneyView;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validTo: string | null;
}

export class TrimDetailView extends TrimView {
  @ApiProperty({ type: [PriceView] }) prices: PriceView[];
}

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) modelId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) trimId: string | null;
  @ApiProperty({ enum: NOTE_KINDS }) kind: string;
  @ApiProperty({ description: 'The selling point, or the question of an FAQ' }) title: string;
  @ApiProperty({ nullable: true, type: String, description: 'The answer of an FAQ' }) body: string | null;
}

export class ModelDetailView extends ModelView {
  @ApiProperty({ type: [TrimView] }) trims: TrimView[];
  @ApiProperty({ type: [NoteView] }) sellingPoints: NoteView[];
  @ApiProperty({ type: [NoteView] }) faqs: NoteView[];
}

const HIT_KINDS: CatalogHitKind[] = ['model', 'trim', ...NOTE_KINDS];

export class CatalogHitView {
  @ApiProperty({ enum: HIT_KINDS }) kind: CatalogHitKind;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) modelId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) trimId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ example: 0.6079 }) rank: number;
}

export class CatalogHitPageView {
  @ApiProperty({ type: [CatalogHitView] }) items: CatalogHitView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class CatalogSearchQuery extends PageQuery {
  @ApiProperty({
    description: 'Words in Chinese or English, matched against model and trim names, selling points and FAQs',
    minLength: 1,
    maxLength: 100,
    example: '续航',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q: string;
}
