import { CampaignObjective } from '../../campaign-objectives';
import { PROPENSITY_FEATURES } from '../features/propensity-features';
import { standardise, Standardisation } from './standardisation';

/** A logistic regression over the standardised features, trained for one objective; stored, one version per training. */
export interface PropensityModel extends Standardisation {
  objective: CampaignObjective;
  version: number;
  /** The feature keys it was trained on, in the order of `weights`. */
  features: string[];
  intercept: number;
  weights: number[];
  /** On the held-out rows, never seen in training. */
  auc: number;
  trainCount: number;
  heldOutCount: number;
  positives: number;
  negatives: number;
  trainedBy: string;
  trainedAt: string;
}

export type Direction = 'raises' | 'lowers';

/** One feature's part in a score: its weight times the customer's standardised value (log-odds). */
export interface FeatureContribution {
  feature: string;
  name: string;
  contribution: number;
  direction: Direction;
}

export interface PropensityScore {
  customerId: string;
  /** The predicted probability of responding, x 100, rounded: 0-100. */
  score: number;
  /** The features that moved this customer's score most, largest first. */
  reasons: FeatureContribution[];
}

const EXPLAINED = 3;
const sigmoid = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));
const nameOf = (key: string) => PROPENSITY_FEATURES.find((feature) => feature.key === key)?.name ?? key;
const contribution = (feature: string, value: number): FeatureContribution => ({
  feature,
  name: nameOf(feature),
  contribution: value,
  direction: value >= 0 ? 'raises' : 'lowers',
});

/** The probability of responding: sigmoid(intercept + weights . standardised values). */
export function probabilityOf(
  model: Pick<PropensityModel, 'intercept' | 'weights' | 'means' | 'stds'>,
  values: (number | null)[],
): number {
  const z = standardise(values, model);
  return sigmoid(model.weights.reduce((sum, weight, i) => sum + weight * z[i], model.intercept));
}

export function scoreCustomer(
  model: PropensityModel,
  customerId: string,
  values: (number | null)[],
): PropensityScore {
  const z = standardise(values, model);
  const contributions = model.features.map((feature, i) => contribution(feature, model.weights[i] * z[i]));
  return {
    customerId,
    score: Math.round(probabilityOf(model, values) * 100),
    reasons: largestFirst(contributions).slice(0, EXPLAINED),
  };
}

/** The model's features by |weight|: how much one standard deviation of each moves the log-odds. */
export function topFeatures(model: PropensityModel, count: number): FeatureContribution[] {
  return largestFirst(model.features.map((feature, i) => contribution(feature, model.weights[i]))).slice(
    0,
    count,
  );
}

const largestFirst = (contributions: FeatureContribution[]) =>
  [...contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
