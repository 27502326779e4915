import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

/** Full-batch gradient steps: near convergence on standardised inputs; the time grows with rows x steps (ADR 0033). */
const STEPS = 800;
/** The library sums the gradient over the rows; divided by their number, each step moves by the mean gradient. */
const STEP_SIZE = 0.5;

export interface FittedWeights {
  intercept: number;
  weights: number[];
}

/**
 * Fits a logistic regression with ml-logistic-regression. The library has no intercept, so a column of ones is
 * prepended; it trains one-vs-all, and its first classifier (class 0 against the rest) models P(label = 1). It
 * gives class labels only, so the probability is computed from these weights (propensity-model.ts).
 */
export function fitLogistic(standardised: number[][], labels: boolean[]): FittedWeights {
  const regression = new LogisticRegression({
    numSteps: STEPS,
    learningRate: STEP_SIZE / standardised.length,
  });
  regression.train(
    new Matrix(standardised.map((row) => [1, ...row])),
    Matrix.columnVector(labels.map((label) => (label ? 1 : 0))),
  );
  const [intercept, ...weights] = regression.classifiers[0].weights.to1DArray();
  return { intercept, weights };
}
