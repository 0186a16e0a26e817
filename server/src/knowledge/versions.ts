/**
 * The Kubernetes minors the product knows, and small helpers to compare them.
 * A minor is written "1.NN"; comparisons use the number after the dot.
 */
export const SUPPORTED_MINORS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37'] as const;
export type Minor = (typeof SUPPORTED_MINORS)[number];

export const OLDEST_MINOR: Minor = SUPPORTED_MINORS[0];
export const NEWEST_MINOR: Minor = SUPPORTED_MINORS[SUPPORTED_MINORS.length - 1];

export function minorNumber(minor: string): number {
  return Number(minor.split('.')[1]);
}

export function isSupportedMinor(value: string): value is Minor {
  return (SUPPORTED_MINORS as readonly string[]).includes(value);
}

/** True when `minor` lies in [from, to] (either bound may be omitted). */
export function inRange(minor: Minor, from?: Minor, to?: Minor): boolean {
  const n = minorNumber(minor);
  return (from === undefined || n >= minorNumber(from)) && (to === undefined || n <= minorNumber(to));
}

/** The minor released just before `minor` ("1.33" -> "1.32"). */
export function previousMinor(minor: Minor): string {
  return `1.${minorNumber(minor) - 1}`;
}
