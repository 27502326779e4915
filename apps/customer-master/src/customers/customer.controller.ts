import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, isPartner, PartnerScoped, Principal, Roles } from '@crm/auth';
import { PRIVACY_ROLES, Roles as R, STAFF_ROLES } from '@crm/contracts';
import { checkedIdempotencyKey, Page, PageQuery, UuidPipe } from '@crm/http';
import { AuditLog } from '../audit/audit-log';
import { Customer } from './customer';
import { CustomerRepository } from './customer.repository';
import { CustomerService } from './customer.service';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { RegisterOptionsQuery } from './dto/register-options.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';
import { AuditPageResponse, CustomerPageResponse, CustomerResponse } from './dto/customer.response';

const CUSTOMER_WRITERS = [R.agent, R.salesRep, R.salesManager, R.serviceManager];

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerController {
  constructor(
    private readonly service: CustomerService,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @Roles(...CUSTOMER_WRITERS, R.dealer)
  @ApiOperation({
    summary: 'Register a customer; answers 409 with candidates when the person probably exists',
  })
  @ApiConflictResponse({ description: 'Likely duplicates found (problem+json with `candidates`)' })
  @ApiCreatedResponse({ type: CustomerResponse })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Sent again with the same key (by the same partner, or by staff), the registration answers the customer ' +
      'the first one made and registers no other (sales sends `lead:<lead id>` when converting a lead)',
  })
  register(
    @Body() body: CreateCustomerDto,
    @Query() options: RegisterOptionsQuery,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Customer> {
    return this.service.register(body, {
      allowDuplicate: options.allowDuplicate,
      registeringPartnerId: isPartner(principal) ? principal.partnerId : undefined,
      idempotencyKey: checkedIdempotencyKey(idempotencyKey),
    });
  }

  @Get()
  @Roles(...STAFF_ROLES, R.dealer, R.repairStation)
  @ApiOperation({ summary: 'List customers, newest first; partners see only their own' })
  @ApiOkResponse({ type: CustomerPageResponse })
  async list(@Query() page: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<Customer>> {
    const partnerId = isPartner(principal) ? (principal.partnerId as string) : null;
    const items = await this.customers.listLinkedTo(partnerId, page.limit, page.offset);
    return { items, limit: page.limit, offset: page.offset };
  }

  @Get(':id')
  @Roles(...STAFF_ROLES, R.dealer, R.repairStation)
  @PartnerScoped('customer')
  @ApiOperation({ summary: 'One customer with phones, emails, address and consents' })
  @ApiOkResponse({ type: CustomerResponse })
  get(@Param('id', UuidPipe) id: string): Promise<Customer> {
    return this.service.get(id);
  }

  @Patch(':id')
  @Roles(...CUSTOMER_WRITERS)
  @PartnerScoped('customer')
  @ApiOperation({ summary: 'Change some fields of a customer (consents included)' })
  @ApiOkResponse({ type: CustomerResponse })
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateCustomerDto): Promise<Customer> {
    return this.service.update(id, body);
  }

  @Get(':id/audit')
  @Roles(...PRIVACY_ROLES)
  @PartnerScoped('customer')
  @ApiOperation({ summary: 'Who changed this customer’s personal data, and when' })
  @ApiOkResponse({ type: AuditPageResponse })
  async auditTrail(@Param('id', UuidPipe) id: string, @Query() page: PageQuery) {
    const items = await this.audit.forEntity(id, page.limit, page.offset);
    return { items, limit: page.limit, offset: page.offset };
  }
}
