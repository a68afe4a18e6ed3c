/**
 * Bit masks that turn a 64-bit H3 index into its parent at a coarser resolution with integer
 * operations alone (so PostgreSQL can group by parent cells without an H3 extension):
 *   parent = (cell & clear) | set
 * H3 layout: bits 52–55 hold the resolution; digit r (1..15) sits at bits 3·(15−r) .. 3·(15−r)+2,
 * and digits finer than the resolution are all 7 (binary 111).
 */
export function parentMasks(resolution: number): { clear: bigint; set: bigint } {
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > 15) throw new Error(`bad H3 resolution ${resolution}`);
  const finerDigits = (1n << BigInt(3 * (15 - resolution))) - 1n;
  const resolutionBits = 15n << 52n;
  const all = (1n << 64n) - 1n;
  // Signed 64-bit view of the clear mask, as PostgreSQL's bigint holds it.
  const clearUnsigned = all ^ (resolutionBits | finerDigits);
  const clear = clearUnsigned >= 1n << 63n ? clearUnsigned - (1n << 64n) : clearUnsigned;
  return { clear, set: (BigInt(resolution) << 52n) | finerDigits };
}
