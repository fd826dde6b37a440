// A strict reader of the Prometheus text exposition format (version 0.0.4) for tests: every line
// is a # HELP / # TYPE comment, blank, or a sample `name{label="value",…} value`; anything else
// throws, so "it parses" is a real check. Returns the samples and the declared types.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  /** Metric family → its # TYPE (counter, gauge, histogram, summary, untyped). */
  types: Map<string, string>;
  /** The value of the one sample named so with exactly these labels among others (undefined when absent). */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

export function parsePrometheusText(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    if (line.startsWith("#")) {
      const comment = new RegExp(`^# (HELP|TYPE) (${NAME})(?: (.*))?$`).exec(line);
      if (!comment) throw new Error(`line ${index + 1}: not a HELP or TYPE comment: ${line}`);
      if (comment[1] === "TYPE") {
        if (!["counter", "gauge", "histogram", "summary", "untyped"].includes(comment[3] ?? "")) throw new Error(`line ${index + 1}: unknown type: ${line}`);
        types.set(comment[2]!, comment[3]!);
      }
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`line ${index + 1}: not a sample: ${line}`);
    const value = parseValue(match[3]!);
    if (value === undefined) throw new Error(`line ${index + 1}: not a number: ${line}`);
    samples.push({ name: match[1]!, labels: parseLabels(match[2] ?? "", index + 1), value });
  }
  return {
    samples,
    types,
    value: (name, labels = {}) => {
      const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)}: ${found.length} samples`);
      return found[0]?.value;
    },
  };
}

/** As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case (prom-client writes "Nan"). */
function parseValue(text: string): number | undefined {
  const special = /^([+-]?)(inf|nan)$/i.exec(text);
  if (special) return special[2]!.toLowerCase() === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
  const n = Number(text);
  return Number.isNaN(n) ? undefined : n;
}

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`line ${line}: malformed labels: {${text}}`);
    labels[match[1]!] = match[2]!.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
  }
  return labels;
}
