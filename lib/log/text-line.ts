/**
 * A JSON log line (pino's) as a person at a terminal reads it: `blo-atlas: <message>`, then the
 * line's own fields as key=value (a request's method, route, status, ms…). The level is said only
 * from warnings up; the time, process and host fields are left out.
 */
const LEVELS: Record<number, string> = { 40: 'warning', 50: 'error', 60: 'fatal' };
const LEFT_OUT = new Set(['level', 'time', 'pid', 'hostname', 'app', 'msg']);

export function textLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = LEVELS[Number(record.level)];
  const fields = Object.entries(record)
    .filter(([key, value]) => !LEFT_OUT.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const message = typeof record.msg === 'string' ? record.msg : '';
  return `blo-atlas: ${level ? `${level}: ` : ''}${[message, ...fields].filter(Boolean).join(' ')}\n`;
}
