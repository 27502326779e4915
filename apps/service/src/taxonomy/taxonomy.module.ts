import { Module } from '@nestjs/common';
import { QualityTypeSuggester } from './quality-type-suggester';
import { TaxonomyController } from './taxonomy.controller';

/** The quality-type catalog and the suggester that classifies a complaint's words. */
@Module({
  controllers: [TaxonomyController],
  providers: [QualityTypeSuggester],
  exports: [QualityTypeSuggester],
})
export class TaxonomyModule {}
