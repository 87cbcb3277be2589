/**
 * The one error the headless code raises for data it cannot use. It names where the bad value
 * is (a JSON path from the root of the input) and carries the value itself, so a host can log it
 * and a component can show it inline.
 */
export class ReleaseDataError extends Error {
  /** JSON path of the offending value, e.g. `$.environments[2].dependsOn[0]`. */
  readonly path: string;
  /** The offending value, as it was received. */
  readonly value: unknown;
  /** The shape that was expected there, e.g. `an ISO-8601 date-time string`, when known. */
  readonly expected: string | undefined;

  constructor(message: string, path: string, value: unknown, expected?: string) {
    super(`${message} (at ${path}${expected ? `, expected ${expected}` : ''}: ${describeValue(value)})`);
    this.name = 'ReleaseDataError';
    this.path = path;
    this.value = value;
    this.expected = expected;
  }
}

/** `instanceof` fails across bundle copies; this does not. */
export function isReleaseDataError(error: unknown): error is ReleaseDataError {
  return error instanceof Error && error.name === 'ReleaseDataError' && 'path' in error;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 120 ? `${json.slice(0, 120)}…` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
