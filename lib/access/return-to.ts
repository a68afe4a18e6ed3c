/**
 * Where to go after sign-in. Only a path on this app is accepted, so a link cannot send a user who
 * signs in to another site ("open redirect"); anything else falls back to the dashboard.
 */
const MAX_LENGTH = 4096;

export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > MAX_LENGTH) return '/';
  // A path, not a scheme-relative URL (`//evil`) nor a backslash variant browsers treat as one.
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return '/';
  // Control characters (tabs and newlines are stripped by URL parsers, turning `/\t/evil` into `//evil`).
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return '/';
  const base = 'http://app.invalid';
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // Sign-in pages never return to themselves.
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
