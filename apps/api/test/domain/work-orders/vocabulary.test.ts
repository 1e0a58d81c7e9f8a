import {
  LineApproval as DbLineApproval,
  LineKind as DbLineKind,
  PaymentMethod as DbPaymentMethod,
  WorkOrderStatus as DbWorkOrderStatus,
} from '@garage/db';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/app-error';
import {
  lineApprovals,
  lineKinds,
  paymentMethods,
  workOrderStatuses,
} from '../../../src/domain/work-orders/status';
import { fieldErrorsOf, toTRPCError } from '../../../src/errors';

describe('the rules speak the database vocabulary', () => {
  it('statuses, line kinds, approvals and payment methods match the Prisma enums', () => {
    expect([...workOrderStatuses]).toEqual(Object.values(DbWorkOrderStatus));
    expect([...lineKinds]).toEqual(Object.values(DbLineKind));
    expect([...lineApprovals]).toEqual(Object.values(DbLineApproval));
    expect([...paymentMethods]).toEqual(Object.values(DbPaymentMethod));
  });
});

describe('rule errors reach the client with the right code', () => {
  it('a refused move is CONFLICT with its message', () => {
    const mapped = toTRPCError(
      new AppError('CONFLICT', 'work order is invoiced: x', { data: { status: 'invoiced' } }),
    );
    expect(mapped).toBeInstanceOf(TRPCError);
    expect((mapped as TRPCError).code).toBe('CONFLICT');
    expect((mapped as TRPCError).message).toBe('work order is invoiced: x');
  });

  it('refused input is BAD_REQUEST with the field named for the form', () => {
    const error = AppError.badInput('odometerIn', 'is below the vehicle mileage');
    expect((toTRPCError(error) as TRPCError).code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error)).toEqual({ odometerIn: ['is below the vehicle mileage'] });
  });
});
