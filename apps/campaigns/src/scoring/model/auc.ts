/** A predicted probability and the true outcome of one held-out row. */
export interface Scored {
  probability: number;
  positive: boolean;
}

/**
 * The area under the ROC curve by the rank statistic (Mann-Whitney U): the chance that a random positive scores
 * above a random negative, ties counting a half. Ranks of tied scores are averaged. Needs both classes present.
 */
export function areaUnderCurve(scored: Scored[]): number {
  const positives = scored.filter((row) => row.positive).length;
  const negatives = scored.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('AUC needs at least one positive and one negative');
  const ranks = averageRanks(scored.map((row) => row.probability));
  const positiveRankSum = scored.reduce((sum, row, i) => (row.positive ? sum + ranks[i] : sum), 0);
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** 1-based ranks of the values ascending, tied values sharing the average of their ranks. */
function averageRanks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i].index] = rank;
    start = end + 1;
  }
  return ranks;
}
