/**
 * A small expander for VS Code snippet bodies, for tests: what the editor inserts when the user
 * accepts every default. Supports tab stops `$1` / `${1}`, placeholders `${1:default}` (nested),
 * choices `${1|a,b|}` (the first, or the one picked in `choose`), mirrors (a later `$1` repeats the
 * value of tab stop 1), variables `$TM_FILENAME` / `${TM_FILENAME:default}` (their default, else
 * the value in `variables`, else empty), and the escapes `\$`, `\}`, `\\`, `\,`, `\|`.
 */
export interface ExpandOptions {
  /** Tab stop number -> index of the choice to take (default 0). */
  choose?: Record<number, number>;
  variables?: Record<string, string>;
}

export interface Choice {
  tabStop: number;
  options: string[];
}

export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const values = new Map<number, string>();
  let pos = 0;

  const parse = (stop: (ch: string) => boolean): string => {
    let out = '';
    while (pos < source.length && !stop(source[pos])) {
      const ch = source[pos];
      if (ch === '\\' && pos + 1 < source.length && '$}\\,|'.includes(source[pos + 1])) {
        out += source[pos + 1];
        pos += 2;
      } else if (ch === '$') {
        out += dollar();
      } else {
        out += ch;
        pos += 1;
      }
    }
    return out;
  };

  const tabStop = (n: number, fallback: string): string => {
    if (!values.has(n) || (values.get(n) === '' && fallback !== '')) values.set(n, fallback);
    return values.get(n)!;
  };

  const dollar = (): string => {
    const rest = source.slice(pos);
    let match = /^\$(\d+)/.exec(rest);
    if (match) {
      pos += match[0].length;
      return tabStop(Number(match[1]), '');
    }
    match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (match) {
      pos += match[0].length;
      return options.variables?.[match[1]] ?? '';
    }
    match = /^\$\{(\d+)\}/.exec(rest);
    if (match) {
      pos += match[0].length;
      return tabStop(Number(match[1]), '');
    }
    match = /^\$\{(\d+)\|/.exec(rest);
    if (match) {
      pos += match[0].length;
      const list: string[] = [];
      let current = '';
      while (pos < source.length && !(source[pos] === '|' && source[pos + 1] === '}')) {
        if (source[pos] === '\\' && pos + 1 < source.length) {
          current += source[pos + 1];
          pos += 2;
        } else if (source[pos] === ',') {
          list.push(current);
          current = '';
          pos += 1;
        } else {
          current += source[pos];
          pos += 1;
        }
      }
      list.push(current);
      pos += 2; // |}
      const n = Number(match[1]);
      const picked = list[options.choose?.[n] ?? 0];
      if (picked === undefined) throw new Error(`tab stop ${n} has no choice ${options.choose?.[n]}`);
      return tabStop(n, picked);
    }
    match = /^\$\{(\d+):/.exec(rest);
    if (match) {
      pos += match[0].length;
      const inner = parse((ch) => ch === '}');
      pos += 1;
      return tabStop(Number(match[1]), inner);
    }
    match = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?)/.exec(rest);
    if (match) {
      pos += match[0].length;
      const fallback = match[2] ? parse((ch) => ch === '}') : '';
      if (source[pos] !== '}') throw new Error(`unsupported variable syntax at ${pos}: ${source.slice(pos, pos + 20)}`);
      pos += 1;
      return options.variables?.[match[1]] ?? fallback;
    }
    // A lone `$` is literal text in VS Code snippets.
    pos += 1;
    return '$';
  };

  // Two passes so that a mirror before its placeholder (`$1 … ${1:x}`) also gets the value.
  parse(() => false);
  pos = 0;
  return parse(() => false);
}

/** The choice tab stops of a body, in order of appearance. */
export function choicesOf(body: string | string[]): Choice[] {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const choices: Choice[] = [];
  for (const match of source.matchAll(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g)) {
    choices.push({ tabStop: Number(match[1]), options: match[2].split(/(?<!\\),/).map((option) => option.replace(/\\(.)/g, '$1')) });
  }
  return choices;
}
