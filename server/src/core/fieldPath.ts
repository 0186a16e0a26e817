/**
 * The dotted paths that name a place in a document (`logging.options.json`, `ipvs.excludeCIDRs[1]`):
 * findings, fixes, hovers and the CLI's JSON all use them. A key that a dot or bracket would make
 * ambiguous is written as a JSON string in brackets: the literal key `"ipvs.syncPeriod"` at the root
 * is `["ipvs.syncPeriod"]`, so it is never mistaken for the `syncPeriod` field under `ipvs` (a fix
 * once edited the wrong node because of that, every run).
 */

export type PathSegment = string | number;

/** Keys that need no quoting: no dot, bracket or quote, and not empty. */
const PLAIN_KEY = /^[^.[\]"]+$/;

export function joinPath(parent: string, key: PathSegment): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!PLAIN_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

const SEGMENT = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g;

export function splitPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(SEGMENT)) {
    if (match[1] !== undefined) segments.push(Number(match[1]));
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else segments.push(match[3]);
  }
  return segments;
}

export function pathOf(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => joinPath(path, segment), '');
}

/** The enclosing path ('' for a top-level key or for the root itself). */
export function parentPath(path: string): string {
  const segments = splitPath(path);
  return pathOf(segments.slice(0, -1));
}

/** The last segment, as written in a path (`json`, `[2]`, `["a.b"]`). */
export function lastSegment(path: string): PathSegment | undefined {
  const segments = splitPath(path);
  return segments[segments.length - 1];
}

/** The path as upstream prints field paths in its messages: segments joined by dots, keys unquoted. */
export function plainPath(path: string): string {
  return splitPath(path).reduce<string>(
    (out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out === '' ? segment : `${out}.${segment}`),
    '',
  );
}

/** Whether `path` is `ancestor` or lies under it. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '') return true;
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}
