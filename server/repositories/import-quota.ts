import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { importDays } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import { inTransaction, type Tx } from './audit.js';

/** Rows one account may import per calendar day (issue 14); a file holds at most MAX_IMPORT_ROWS. */
export const DAILY_IMPORT_ROWS = 2000;

/** Where an account stands against the daily limit today. */
export interface ImportAllowance {
  limit: number;
  used: number;
  left: number;
  /** The calendar day counted (Sacramento's, YYYY-MM-DD); the count starts again the next day. */
  day: string;
}

/** The 429 for an import past the day's limit: how many rows are left, as a sentence and as numbers. */
export class ImportLimitReached extends HttpError {
  constructor(
    readonly allowance: ImportAllowance,
    wanted: number,
  ) {
    super(
      429,
      'import-limit',
      allowance.left === 0
        ? `You have imported ${allowance.limit} rows today, the most one account may import in a day. Import the rest tomorrow.`
        : `This file would create ${wanted} entries, but only ${allowance.left} of your ${allowance.limit} rows a day are left today. Import at most ${allowance.left} rows now and the rest tomorrow.`,
    );
  }
}

/**
 * The daily import count, per account and calendar day. `spend` checks and counts in the same
 * unit of work as the entries it creates (`create` joins it through the `tx` it is given), so two
 * imports at once cannot pass the limit together and a refused or failed import counts nothing.
 */
export class ImportQuotaRepository {
  constructor(
    private readonly db: Db,
    readonly limit = DAILY_IMPORT_ROWS,
  ) {}

  async allowance(userId: number, day: string): Promise<ImportAllowance> {
    const [row] = await this.db
      .select({ rows: importDays.rows })
      .from(importDays)
      .where(and(eq(importDays.userId, userId), eq(importDays.day, day)))
      .limit(1);
    const used = row?.rows ?? 0;
    return { limit: this.limit, used, left: Math.max(0, this.limit - used), day };
  }

  /** Counts `rows` against the day and runs `create` with them in the same unit; refuses (429) past the limit. */
  async spend<T>(userId: number, day: string, rows: number, create: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.db, async (tx) => {
      const [row] = await tx
        .select({ rows: importDays.rows })
        .from(importDays)
        .where(and(eq(importDays.userId, userId), eq(importDays.day, day)))
        .limit(1);
      const used = row?.rows ?? 0;
      if (used + rows > this.limit)
        throw new ImportLimitReached({ limit: this.limit, used, left: Math.max(0, this.limit - used), day }, rows);
      await tx
        .insert(importDays)
        .values({ userId, day, rows })
        .onConflictDoUpdate({ target: [importDays.userId, importDays.day], set: { rows: sql`${importDays.rows} + ${rows}` } });
      return create(tx);
    });
  }
}
