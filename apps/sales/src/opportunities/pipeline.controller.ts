import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { SALES_ADMIN_ROLES, SALES_ROLES } from '../sales.constants';
import { CreatePipelineDto, PipelineView } from './dto/pipeline.dto';
import { Pipeline } from './pipeline';
import { PipelineService } from './pipeline.service';

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('pipelines')
export class PipelineController {
  constructor(private readonly pipelines: PipelineService) {}

  @Get()
  @Roles(...SALES_ROLES)
  @ApiOperation({ summary: 'Pipelines with their stages and probabilities, the default first' })
  @ApiOkResponse({ type: [PipelineView] })
  list(): Promise<Pipeline[]> {
    return this.pipelines.list();
  }

  @Post()
  @Roles(...SALES_ADMIN_ROLES)
  @ApiOperation({
    summary: 'Configure a pipeline: open stages in order with probabilities; won and lost are added',
  })
  @ApiCreatedResponse({ type: PipelineView })
  create(@Body() body: CreatePipelineDto): Promise<Pipeline> {
    return this.pipelines.create(body);
  }
}
