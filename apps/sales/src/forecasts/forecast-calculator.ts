import { Injectable } from '@nestjs/common';
import { SalesUser } from '../hierarchy/sales-user';
import { SalesPeriod } from '../quotas/sales-month';
import {
  CategoryRow,
  cents,
  ForecastAdjustment,
  ForecastFigures,
  ForecastLevel,
  forecastOf,
} from './forecast';
import { ForecastRepository } from './forecast.repository';

/** The computed number, the manager's adjusted one (the newest adjustment) and every adjustment. */
export interface AdjustedForecast {
  computed: ForecastFigures;
  adjusted: ForecastAdjustment | null;
  /** The adjusted amount when there is one, else the computed weighted pipeline. */
  forecast: number;
  history: ForecastAdjustment[];
}

export interface PersonForecast extends SalesUser, AdjustedForecast {}

export interface TeamForecast extends AdjustedForecast {
  members: number;
  /** The members' own forecasts added up, each adjusted where a manager adjusted it. */
  membersForecast: number;
}

function adjustedForecast(computed: ForecastFigures, history: ForecastAdjustment[]): AdjustedForecast {
  const adjusted = history[0] ?? null;
  return { computed, adjusted, forecast: adjusted?.amount ?? computed.weighted, history };
}

/** Forecasts per person and per team for a month, with their adjustments. */
@Injectable()
export class ForecastCalculator {
  constructor(private readonly forecasts: ForecastRepository) {}

  /** Each person in the subtree of `root` (everyone when null) with their own opportunities' forecast. */
  async people(root: string | null, period: SalesPeriod): Promise<PersonForecast[]> {
    const [people, rows] = await this.load(root, period);
    return this.perPerson(people, rows, period);
  }

  /** The subtree of `userId`: everyone's opportunities together, and the team-level adjustments. */
  async team(userId: string, period: SalesPeriod): Promise<TeamForecast> {
    const [people, rows] = await this.load(userId, period);
    const members = await this.perPerson(people, rows, period);
    const history = await this.forecasts.adjustments('team', [userId], period);
    return {
      members: members.length,
      membersForecast: cents(members.reduce((sum, person) => sum + person.forecast, 0)),
      ...adjustedForecast(forecastOf(rows), history),
    };
  }

  /** The computed number an adjustment at `level` replaces. */
  async computed(level: ForecastLevel, userId: string, period: SalesPeriod): Promise<number> {
    const rows = await this.forecasts.categories(userId, period);
    return forecastOf(level === 'team' ? rows : rowsOf(rows, userId)).weighted;
  }

  private load(root: string | null, period: SalesPeriod): Promise<[SalesUser[], CategoryRow[]]> {
    return Promise.all([this.forecasts.people(root), this.forecasts.categories(root, period)]);
  }

  private async perPerson(
    people: SalesUser[],
    rows: CategoryRow[],
    period: SalesPeriod,
  ): Promise<PersonForecast[]> {
    const history = await this.historyByUser('rep', people, period);
    return people.map((person) => ({
      ...person,
      ...adjustedForecast(forecastOf(rowsOf(rows, person.userId)), history.get(person.userId) ?? []),
    }));
  }

  private async historyByUser(
    level: ForecastLevel,
    people: SalesUser[],
    period: SalesPeriod,
  ): Promise<Map<string, ForecastAdjustment[]>> {
    const adjustments = await this.forecasts.adjustments(
      level,
      people.map((p) => p.userId),
      period,
    );
    const byUser = new Map<string, ForecastAdjustment[]>();
    for (const adjustment of adjustments)
      byUser.set(adjustment.userId, [...(byUser.get(adjustment.userId) ?? []), adjustment]);
    return byUser;
  }
}

function rowsOf(rows: CategoryRow[], ownerId: string): CategoryRow[] {
  return rows.filter((row) => row.ownerId === ownerId);
}
