/**
 * Where the browser tests save their pictures. A test run writes them to test-results/screenshots
 * (ignored by git: look at them after the run); `npm run screenshots` runs the tests tagged
 * @screenshot with SCREENSHOTS=readme and writes the README's copies in tests/screenshots.
 */
import path from 'node:path';

export const SCREENSHOT_DIR = process.env.SCREENSHOTS === 'readme' ? 'tests/screenshots' : 'test-results/screenshots';

export const screenshotPath = (name: string): string => path.join(SCREENSHOT_DIR, name);
