import type { SalesApi } from '@crm/api-client/generated';

type Schemas = SalesApi.components['schemas'];

export type Opportunity = Schemas['OpportunityView'];
export type OpportunityDetail = Schemas['OpportunityDetailView'];
export type Stage = Schemas['PipelineStageView'];
export type Lead = Schemas['LeadView'];
export type Activity = Schemas['ActivityView'];
export type NewActivity = Schemas['LogActivityDto'];
export type Quote = Schemas['QuoteView'];
export type NewQuote = Schemas['IssueQuoteDto'];
export type Order = Schemas['OrderView'];
export type OpportunityLine = Schemas['OpportunityLineView'];
export type NewLine = Schemas['AddOpportunityLineDto'];
export type TeamMember = Schemas['TeamMemberDto'];
export type PersonProgress = Schemas['PersonProgressView'];
export type PersonForecast = Schemas['PersonForecastView'];
export type ForecastAdjustment = Schemas['AdjustForecastDto'];
export type Money = Schemas['MoneyView'];
