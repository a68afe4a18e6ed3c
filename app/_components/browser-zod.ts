/**
 * Zod in the browser without its eval probe: the pages' Content-Security-Policy forbids eval, and
 * the browser reports even a refused, caught probe as a violation. Parsing is unchanged; only zod's
 * compiled fast path for object schemas is off, which the page's small inputs do not need.
 */
import { z } from 'zod';

z.config({ jitless: true });
