/**
 * A reader of the Prometheus text exposition format (0.0.4, what kube-proxy and node_exporter serve),
 * tolerant of OpenMetrics (`# EOF`, `# UNIT`, `_created`, exemplars) since scrapes get pasted from
 * agents and federation. It never throws: a line it cannot read becomes a problem with its line
 * number, and the rest is read.
 *
 * Written here rather than taken from npm: the maintained Prometheus packages produce the format
 * (prom-client) rather than read it, and the readers on npm that were tried either drop the labels
 * of labelled histograms (`rest_client_rate_limiter_duration_seconds{host,verb}`, and every
 * kube-proxy histogram from 1.33, which carries `ip_family`) or are unmaintained; see
 * docs/ARCHITECTURE.md. The grammar is small: HELP and TYPE comments, and sample lines
 * `name{label="value",…} value [timestamp]`.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped' | 'gaugehistogram' | 'info' | 'stateset' | 'unknown';

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  /** The sample's own name (`…_bucket`, `…_sum` for histograms). */
  name: string;
  labels: Labels;
  value: number;
  /** 1-based line in the scrape. */
  line: number;
}

export interface Family {
  name: string;
  type: MetricType;
  help?: string;
  samples: Sample[];
}

export interface ParseProblem {
  line: number;
  message: string;
}

export interface ParsedExposition {
  families: Map<string, Family>;
  problems: ParseProblem[];
  /** Sample lines read. */
  sampleCount: number;
}

const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped', 'gaugehistogram', 'info', 'stateset', 'unknown']);
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** The suffixes a typed family's samples carry, by family type. */
const SUFFIXES: Partial<Record<MetricType, readonly string[]>> = {
  histogram: ['_bucket', '_sum', '_count', '_created'],
  gaugehistogram: ['_bucket', '_gsum', '_gcount'],
  summary: ['_sum', '_count', '_created'],
  counter: ['_total', '_created'],
  info: ['_info'],
};

/** Go's strconv.ParseFloat as the exposition format uses it: +Inf, -Inf, NaN and decimal floats. */
export function parseValue(text: string): number | undefined {
  switch (text) {
    case '+Inf':
    case 'Inf':
    case '+inf':
    case 'inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
    case '-inf':
      return Number.NEGATIVE_INFINITY;
    case 'NaN':
    case 'nan':
      return Number.NaN;
  }
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) && !/^[+-]?0[xX][0-9a-fA-F]+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

function unescape(text: string, quotes: boolean): string {
  return text.replace(quotes ? /\\(["\\n])/g : /\\([\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

/** Labels `{a="x",b="y"}` starting at `at` (the `{`); the offset after the `}`. */
function readLabels(line: string, at: number): { labels: Record<string, string>; end: number } | string {
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = at + 1;
  while (true) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '}') return { labels, end: i + 1 };
    const name = LABEL_NAME.exec(line.slice(i));
    if (!name) return `a label name was expected at column ${i + 1}`;
    i += name[0].length;
    while (line[i] === ' ') i++;
    if (line[i] !== '=') return `"=" was expected after label ${name[0]}`;
    i++;
    while (line[i] === ' ') i++;
    if (line[i] !== '"') return `a quoted value was expected for label ${name[0]}`;
    let j = i + 1;
    while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
    if (j >= line.length) return `the value of label ${name[0]} is not closed`;
    if (Object.hasOwn(labels, name[0])) return `label ${name[0]} is given twice`;
    labels[name[0]] = unescape(line.slice(i + 1, j), true);
    i = j + 1;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === ',') i++;
    else if (line[i] !== '}') return `"," or "}" was expected at column ${i + 1}`;
  }
}

export function parseExposition(text: string): ParsedExposition {
  const families = new Map<string, Family>();
  const problems: ParseProblem[] = [];
  let sampleCount = 0;
  const lines = text.split('\n');
  const familyOf = (name: string): Family => {
    let family = families.get(name);
    if (!family) families.set(name, (family = { name, type: 'untyped', samples: [] }));
    return family;
  };
  /** The family a sample belongs to: its own name, or a typed family whose suffix it carries. */
  const ownerOf = (sample: string): Family => {
    const own = families.get(sample);
    if (own && own.type !== 'histogram' && own.type !== 'summary') return own;
    for (const [type, suffixes] of Object.entries(SUFFIXES) as [MetricType, readonly string[]][]) {
      for (const suffix of suffixes) {
        if (!sample.endsWith(suffix)) continue;
        const family = families.get(sample.slice(0, -suffix.length));
        if (family && family.type === type) return family;
      }
    }
    return own ?? familyOf(sample);
  };
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const line = lines[index].replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const comment = /^#\s*(HELP|TYPE|UNIT|EOF)\b\s*(.*)$/.exec(line);
      if (!comment) continue;
      if (comment[1] === 'EOF') break;
      const rest = comment[2];
      const name = NAME.exec(rest)?.[0];
      if (!name) {
        problems.push({ line: lineNo, message: `# ${comment[1]} without a metric name` });
        continue;
      }
      const value = rest.slice(name.length).replace(/^[ \t]+/, '');
      const family = familyOf(name);
      if (comment[1] === 'HELP') family.help = unescape(value, false);
      else if (comment[1] === 'TYPE') {
        const type = value.trim().toLowerCase() as MetricType;
        if (!TYPES.has(type)) problems.push({ line: lineNo, message: `unknown metric type "${value.trim()}" for ${name}` });
        else if (family.samples.length > 0 && family.type !== type)
          problems.push({ line: lineNo, message: `# TYPE for ${name} comes after its samples` });
        else family.type = type;
      }
      continue;
    }
    const name = NAME.exec(line)?.[0];
    if (!name) {
      problems.push({ line: lineNo, message: 'not a metric sample or comment' });
      continue;
    }
    let at = name.length;
    let labels: Labels = Object.freeze(Object.create(null) as Record<string, string>);
    if (line[at] === '{') {
      const read = readLabels(line, at);
      if (typeof read === 'string') {
        problems.push({ line: lineNo, message: read });
        continue;
      }
      labels = read.labels;
      at = read.end;
    }
    // The value, then an optional timestamp; an OpenMetrics exemplar follows ` # `.
    const fields = line
      .slice(at)
      .split(' # ')[0]
      .trim()
      .split(/[ \t]+/);
    const value = fields[0] === undefined || fields[0] === '' ? undefined : parseValue(fields[0]);
    if (value === undefined || fields.length > 2) {
      problems.push({ line: lineNo, message: `"${line.slice(at).trim().slice(0, 40)}" is not a sample value` });
      continue;
    }
    ownerOf(name).samples.push({ name, labels, value, line: lineNo });
    sampleCount++;
  }
  // Families named by HELP/TYPE only (a CounterVec with no child yet) stay: "declared but no samples".
  return { families, problems, sampleCount };
}
