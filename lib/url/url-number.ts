/**
 * The one parser of numbers written in URLs (filters, API parameters, page links): plain decimal
 * digits only, so `1e3`, `0x10`, `Infinity`, `1,000` and spaces are refused rather than read as
 * something else, then checked against the range.
 */
import { z } from 'zod';
import { problemParams, type ParamProblem } from './param-problem';

export interface UrlNumberOptions {
  min: number;
  max: number;
  /** Digits only, no decimal point. */
  whole?: boolean;
  /** A leading minus sign is allowed (coordinates, bearing); otherwise `-5` is not a number here. */
  signed?: boolean;
  /** Subject of the messages: "longitude must be ≤ 180". */
  name?: string;
  /** Unit of whole numbers and of the limits: "must be whole km", "must be ≥ 1 km". */
  unit?: string;
}

export function urlNumber({ min, max, whole = false, signed = false, name, unit }: UrlNumberOptions) {
  const pattern = new RegExp(`^${signed ? '-?' : ''}\\d+${whole ? '' : '(\\.\\d+)?'}$`);
  const must = name ? `${name} must` : 'must';
  const inUnit = unit ? ` ${unit}` : '';
  const kind = whole ? (unit ? `whole ${unit}` : 'a whole number') : 'a number';
  return z.string().transform((text, ctx) => {
    const value = pattern.test(text) ? Number(text) : Number.NaN;
    const [message, problem]: [string, ParamProblem] | [null, null] = Number.isNaN(value)
      ? [`${must} be ${kind}`, { kind: 'not-number', whole }]
      : value < min
        ? [`${must} be ≥ ${min}${inUnit}`, { kind: 'below', min }]
        : value > max
          ? [`${must} be ≤ ${max}${inUnit}`, { kind: 'above', max }]
          : [null, null];
    if (message === null) return value;
    ctx.addIssue({ code: 'custom', message, params: problemParams({ ...problem, subject: name, unit }) });
    return z.NEVER;
  });
}
