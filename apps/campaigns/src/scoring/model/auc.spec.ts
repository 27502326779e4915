import { areaUnderCurve } from './auc';

const rows = (pairs: [number, boolean][]) =>
  pairs.map(([probability, positive]) => ({ probability, positive }));

describe(areaUnderCurve.name, () => {
  it('is 1 when every positive scores above every negative, and 0 the other way round', () => {
    expect(
      areaUnderCurve(
        rows([
          [0.9, true],
          [0.8, true],
          [0.2, false],
          [0.1, false],
        ]),
      ),
    ).toBe(1);
    expect(
      areaUnderCurve(
        rows([
          [0.1, true],
          [0.2, true],
          [0.8, false],
          [0.9, false],
        ]),
      ),
    ).toBe(0);
  });

  it('matches a hand count of the positive-negative pairs, a tie counting a half', () => {
    // Positives 0.9, 0.5, 0.4; negatives 0.5, 0.3, 0.6. Pairs won by the positive: 0.9 beats all 3;
    // 0.5 beats 0.3, ties 0.5 (a half), loses to 0.6; 0.4 beats 0.3 only. (3 + 1.5 + 1) / 9 = 5.5 / 9.
    const auc = areaUnderCurve(
      rows([
        [0.9, true],
        [0.5, true],
        [0.4, true],
        [0.5, false],
        [0.3, false],
        [0.6, false],
      ]),
    );
    expect(auc).toBeCloseTo(5.5 / 9, 12);
  });

  it('is a half when all scores are equal', () => {
    expect(
      areaUnderCurve(
        rows([
          [0.3, true],
          [0.3, false],
          [0.3, false],
        ]),
      ),
    ).toBe(0.5);
  });

  it('refuses a set with one class only', () => {
    expect(() => areaUnderCurve(rows([[0.3, true]]))).toThrow(/positive and one negative/);
  });
});
