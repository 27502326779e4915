import { Injectable } from '@nestjs/common';
import { QualityType } from '@crm/contracts';
import { QUALITY_TYPE_KEYWORDS } from './quality-type-keywords';

export interface QualityTypeSuggestion {
  qualityType: QualityType;
  score: number;
  matchedKeywords: string[];
}

/** Latin keywords must match whole words ("dent" is not in "accident"); Chinese ones match anywhere. */
function mentions(text: string, keyword: string): boolean {
  if (!/^[a-z0-9 /]+$/.test(keyword)) return text.includes(keyword);
  const escaped = keyword.replace(/[/]/g, '\\/');
  return new RegExp(`(^|[^a-z])${escaped}s?([^a-z]|$)`).test(text);
}

/** Ranks quality types by the keywords a free-text description mentions. */
@Injectable()
export class QualityTypeSuggester {
  suggest(description: string): QualityTypeSuggestion[] {
    const text = description.toLowerCase();
    return Object.entries(QUALITY_TYPE_KEYWORDS)
      .map(([qualityType, keywords]) => {
        const matchedKeywords = keywords.filter((keyword) => mentions(text, keyword));
        const score = matchedKeywords.reduce((sum, keyword) => sum + keyword.length, 0);
        return { qualityType: qualityType as QualityType, score, matchedKeywords };
      })
      .filter((suggestion) => suggestion.score > 0)
      .sort((a, b) => b.score - a.score);
  }
}
