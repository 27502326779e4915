import { ApiProperty } from '@nestjs/swagger';
import { AssociationRule } from '../association-rule';
import { CrossSellRecomputeResult } from '../cross-sell-recompute';
import { StoredOffer } from '../next-best-offer.repository';

export class AssociationRuleView implements AssociationRule {
  @ApiProperty({ example: 'Aurora S7', description: 'Owned product (A)' }) antecedent: string;
  @ApiProperty({ example: 'Nova E3', description: 'Product its owners often buy (B)' }) consequent: string;
  @ApiProperty({ example: 42, description: 'Customers owning both' }) bothCustomers: number;
  @ApiProperty({ example: 100 }) antecedentCustomers: number;
  @ApiProperty({ example: 135 }) consequentCustomers: number;
  @ApiProperty({ example: 1000, description: 'Customers owning any product' }) baskets: number;
  @ApiProperty({ example: 0.042, description: 'P(A and B)' }) support: number;
  @ApiProperty({ example: 0.42, description: 'P(B | A)' }) confidence: number;
  @ApiProperty({ example: 3.11, description: 'P(B | A) / P(B)' }) lift: number;
  @ApiProperty({ example: 1.31, description: 'confidence x lift, what offers are ranked by' }) score: number;
}

export class AssociationRulePage {
  @ApiProperty({ type: [AssociationRuleView] }) items: AssociationRuleView[];
  @ApiProperty({ example: 20 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
  @ApiProperty({ example: 57 }) total: number;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'null before the first recompute',
  })
  computedAt: string | null;
}

export class CrossSellRecomputeView implements CrossSellRecomputeResult {
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({ example: 1000, description: 'Customers owning any product' }) baskets: number;
  @ApiProperty({ example: 57, description: 'Rules meeting the thresholds' }) rules: number;
  @ApiProperty({ example: 12, description: 'Customers whose offered product changed (one event each)' })
  offerChanges: number;
}

export class NextBestOfferView implements StoredOffer {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ example: 'Nova E3' }) product: string;
  @ApiProperty({ example: 'Aurora S7', description: 'The owned product the rule starts from' })
  basedOn: string;
  @ApiProperty({ example: 'owners of Aurora S7 often buy Nova E3: confidence 42%, lift 3.1' }) reason: string;
  @ApiProperty({ example: 1.31 }) score: number;
  @ApiProperty({ example: 0.42 }) confidence: number;
  @ApiProperty({ example: 3.11 }) lift: number;
  @ApiProperty({ format: 'date-time', description: 'Offered since (the recompute that chose this product)' })
  since: string;
}
