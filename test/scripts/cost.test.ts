/** `npm run cost` turns measured units into dollars with the list prices in one table. */
import { describe, expect, it } from 'vitest';
import { PRICES, costPerMillion, floorsPerMonth, storagePerMillionPerMonth } from '../../scripts/cost.ts';

const bench = {
  documents: 1000,
  seconds: 100,
  concurrency: 2,
  indexBytesPerDocument: 4000,
  s3RawBytesPerDocument: 3000,
  s3ResultBytesPerDocument: 9000,
  perDocument: { writeUnits: 20, readUnits: 4, sqlStatements: 1, sqlMilliseconds: 2, searchBytes: 5000, byRequest: { 's3:PutObject': 2, 's3:GetObject': 1, 'dynamodb:UpdateItem': 5 } },
};

describe('cost per million documents', () => {
  const lines = Object.fromEntries(costPerMillion(bench).map((l) => [l.component, l.perMillion]));

  it('prices DynamoDB by the measured units, S3 by its requests and the Data API by its statements', () => {
    expect(lines['DynamoDB writes']).toBeCloseTo(20 * 0.625);
    expect(lines['DynamoDB reads']).toBeCloseTo(4 * 0.125);
    expect(lines['S3 requests']).toBeCloseTo(2 * 5 + 1 * 0.4);
    expect(lines['RDS Data API']).toBeCloseTo(0.35);
    // 0.2 s of a 1 GB function per document, and one invocation per batch of 10
    expect(lines['Lambda (process)']).toBeCloseTo(0.2 * 1e6 * PRICES.lambdaArmGbSecond + 0.02);
  });

  it('prices storage per month and names the always-on floors', () => {
    const storage = Object.fromEntries(storagePerMillionPerMonth(bench).map((l) => [l.component, l.perMillion]));
    expect(storage['DynamoDB storage']).toBeCloseTo(4 * 0.25);
    expect(storage['S3 storage']).toBeCloseTo(12 * 0.023);
    expect(storage['Aurora storage']).toBeCloseTo(5 * 0.1);
    const floors = Object.fromEntries(floorsPerMonth().map((l) => [l.component, l.perMillion]));
    expect(floors['Aurora, paused']).toBe(0);
    expect(floors['Aurora, awake all month']).toBeCloseTo(43.8);
    expect(floors['NAT gateway']).toBe(0);
  });
});
