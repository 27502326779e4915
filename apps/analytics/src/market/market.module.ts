import { Module } from '@nestjs/common';
import { MarketController } from './market.controller';
import { MarketRepository } from './market.repository';
import { MarketService } from './market.service';

/** The market view and its forecast (projected by the projections module's consumers, which the rebuild replays). */
@Module({
  controllers: [MarketController],
  providers: [MarketRepository, MarketService],
})
export class MarketModule {}
