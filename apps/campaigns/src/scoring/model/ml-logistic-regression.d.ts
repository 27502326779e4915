// ml-logistic-regression 2.0.0 ships no types; only the part the trainer uses.
declare module 'ml-logistic-regression' {
  import { Matrix } from 'ml-matrix';

  interface TwoClassClassifier {
    /** A 1 x columns matrix; no intercept of its own (give a column of ones). */
    weights: Matrix;
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClassClassifier[];
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
  }
}
