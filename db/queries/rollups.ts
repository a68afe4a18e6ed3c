/**
 * The rollup tables as the query builder sees them: each with its month column and the filter
 * columns it keeps. A filter whose column a rollup lacks sends the request to `seizures`.
 */
import { seizureBloRings, seizureCells, seizureCellsAll, seizureMonthly, seizureMonthlyBlo, seizureRoutesMonthly } from '@/db/schema';
import type { Rollup } from './rollup-source';

export const MONTHLY_ROLLUP = {
  table: seizureMonthly,
  addedIn: seizureMonthly.addedIn,
  month: seizureMonthly.month,
  columns: {
    substance: seizureMonthly.substance,
    synthetic: seizureMonthly.synthetic,
    country: seizureMonthly.country,
    nearestBlo: seizureMonthly.nearestBlo,
    transport: seizureMonthly.transport,
    concealment: seizureMonthly.concealment,
  },
} satisfies Rollup;

export const MONTHLY_BLO_ROLLUP = {
  table: seizureMonthlyBlo,
  addedIn: seizureMonthlyBlo.addedIn,
  month: seizureMonthlyBlo.month,
  columns: { substance: seizureMonthlyBlo.substance, synthetic: seizureMonthlyBlo.synthetic, nearestBlo: seizureMonthlyBlo.nearestBlo },
} satisfies Rollup;

export const ROUTES_ROLLUP = {
  table: seizureRoutesMonthly,
  addedIn: seizureRoutesMonthly.addedIn,
  month: seizureRoutesMonthly.month,
  columns: {
    substance: seizureRoutesMonthly.substance,
    synthetic: seizureRoutesMonthly.synthetic,
    nearestBlo: seizureRoutesMonthly.nearestBlo,
  },
} satisfies Rollup;

export const CELLS_ROLLUP = {
  table: seizureCells,
  addedIn: seizureCells.addedIn,
  month: seizureCells.month,
  columns: { substance: seizureCells.substance, synthetic: seizureCells.synthetic },
} satisfies Rollup;

export const CELLS_ALL_TIME_ROLLUP = {
  table: seizureCellsAll,
  addedIn: seizureCellsAll.addedIn,
  month: null,
  columns: { substance: seizureCellsAll.substance, synthetic: seizureCellsAll.synthetic },
} satisfies Rollup;

export const BLO_RINGS_ROLLUP = {
  table: seizureBloRings,
  addedIn: seizureBloRings.addedIn,
  month: seizureBloRings.month,
  columns: { substance: seizureBloRings.substance, synthetic: seizureBloRings.synthetic },
} satisfies Rollup;
