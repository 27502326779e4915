import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { CUSTOMER_CAMPAIGN_ROLES } from '../campaigns.constants';
import { CustomerCampaign, CustomerCampaignsRepository } from './customer-campaigns.repository';
import { CustomerCampaignView } from './dto/customer-campaign.dto';

/** Agents see which campaigns reached the caller, to take their answer; partners get 403. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('customers')
@Roles(...CUSTOMER_CAMPAIGN_ROLES)
export class CustomerCampaignsController {
  constructor(private readonly campaigns: CustomerCampaignsRepository) {}

  @Get(':id/campaigns')
  @ApiOperation({
    summary:
      'The latest campaigns the customer was frozen into, with their call-center answer (record one as an interaction tagged with the campaign)',
  })
  @ApiOkResponse({ type: [CustomerCampaignView] })
  list(@Param('id', UuidPipe) customerId: string): Promise<CustomerCampaign[]> {
    return this.campaigns.recentFor(customerId);
  }
}
