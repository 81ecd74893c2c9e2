// Plain data (maps, lists, strings, numbers, booleans) as block-style YAML, for the manifests we
// write. The `yaml` package stays out of the generate path (it loads only with `check`, see
// test/cli/bin-lazy-rules.test.ts), and our manifests need no more than this: a string that is not
// a plain word is written as a JSON string, which is a valid YAML double-quoted scalar.
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue | undefined };

/** One YAML document; `undefined` map values are left out. */
export function yamlText(value: YamlValue): string {
  return `${lines(value, 0).join('\n')}\n`;
}

// Plain scalars YAML 1.1 and 1.2 parsers both read back as the same string: no indicators, no
// numbers, booleans or nulls in any of their spellings.
const PLAIN = /^[A-Za-z_/][\w./-]*(?:[\w./-]|:(?=[\w/]))*$/;
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

function isEmpty(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.values(value).every((v) => v === undefined);
}

function lines(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value !== 'object') return [`${pad}${scalar(value)}`];
  if (isEmpty(value)) return [`${pad}${Array.isArray(value) ? '[]' : '{}'}`];
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item !== 'object' || isEmpty(item)) return [`${pad}- ${lines(item, 0)[0]}`];
      // The item's first line goes after "- "; the rest keep the item's indent.
      const [first, ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first!.slice(indent + 2)}`, ...rest];
    });
  }
  return Object.entries(value).flatMap(([key, item]) => {
    if (item === undefined) return [];
    const name = scalar(key);
    if (typeof item !== 'object' || isEmpty(item)) return [`${pad}${name}: ${lines(item, 0)[0]}`];
    // Lists sit at the key's indent (the common Kubernetes style); maps one level in.
    return [`${pad}${name}:`, ...lines(item, Array.isArray(item) ? indent : indent + 2)];
  });
}
