/** Runs once when the server starts; the Node.js-only work lives in app/_server/boot.ts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { boot } = await import('@/app/_server/boot');
    boot();
  }
}
