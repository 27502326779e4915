import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '@crm/core';
import { CAMPAIGN_OBJECTIVES, CampaignObjective } from '../campaign-objectives';

/** A route's objective must be one of the campaign objectives; the problem names the parameter. */
@Injectable()
export class ObjectivePipe implements PipeTransform<string, CampaignObjective> {
  transform(value: string, metadata: ArgumentMetadata): CampaignObjective {
    if (CAMPAIGN_OBJECTIVES.includes(value as CampaignObjective)) return value as CampaignObjective;
    throw new InvalidInputError([
      { field: metadata.data ?? 'objective', message: `must be one of ${CAMPAIGN_OBJECTIVES.join(', ')}` },
    ]);
  }
}
