import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FORECAST_CATEGORIES, ForecastCategory, OPEN_FORECAST_CATEGORIES } from '../pipeline';

export class StageDefinitionDto {
  @ApiProperty({ example: 'test_drive' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be lower case letters, digits and _' })
  key: string;

  @ApiProperty({ example: 'Test drive' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 50, minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  probability: number;

  @ApiPropertyOptional({
    enum: OPEN_FORECAST_CATEGORIES,
    description: 'Forecast category; defaults to commit from 80 %, best_case from 40 %, pipeline below',
  })
  @IsOptional()
  @IsIn(OPEN_FORECAST_CATEGORIES)
  forecastCategory?: ForecastCategory;
}

export class CreatePipelineDto {
  @ApiProperty({ example: 'Fleet sales' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: [StageDefinitionDto], description: 'Open stages in order; won and lost are added' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => StageDefinitionDto)
  stages: StageDefinitionDto[];
}

export class PipelineStageView {
  @ApiProperty({ example: 'test_drive' }) key: string;
  @ApiProperty({ example: 'Test drive' }) name: string;
  @ApiProperty({ example: 3 }) position: number;
  @ApiProperty({ example: 50 }) probability: number;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) outcome: string;
  @ApiProperty({ enum: FORECAST_CATEGORIES, example: 'best_case' }) forecastCategory: string;
}

export class PipelineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ type: [PipelineStageView] }) stages: PipelineStageView[];
}
