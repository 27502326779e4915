import { PERFORMANCE } from './reports/performance.report';
import { PERSISTENCY } from './reports/persistency.report';
import { PRODUCT } from './reports/product.report';
import { PROFILING } from './reports/profiling.report';
import { PROFITABILITY } from './reports/profitability.report';
import { PROMOTION } from './reports/promotion.report';
import { PROSPECTING } from './reports/prospecting.report';
import { SevenP, SevenPReport } from './seven-p-report';

export const SEVEN_P_REPORTS: Record<SevenP, SevenPReport> = {
  profiling: PROFILING,
  persistency: PERSISTENCY,
  profitability: PROFITABILITY,
  performance: PERFORMANCE,
  prospecting: PROSPECTING,
  product: PRODUCT,
  promotion: PROMOTION,
};
