/** Rounds to a number of decimal places (half away from zero is not needed: figures are non-negative or coordinates). */
export const roundTo = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
