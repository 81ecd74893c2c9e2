// Parses a WWW-Authenticate header (RFC 9110 §11.6.1) into challenges. One header may carry several
// challenges ("Bearer realm=...,service=..., Basic realm=..."), and quoted values may contain commas
// (Docker Hub scopes: scope="repository:a:pull,push"), so a split on "," is not enough.

export interface Challenge {
  /** Lower-cased scheme: "bearer", "basic", ... */
  scheme: string;
  /** Lower-cased parameter names -> unquoted values. */
  params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;

export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const skip = (chars: RegExp) => {
    while (i < header.length && chars.test(header.charAt(i))) i++;
  };
  const readToken = (): string | undefined => {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(header);
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const readQuoted = (): string => {
    let out = '';
    i++; // opening quote
    while (i < header.length && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < header.length) i++;
      out += header[i];
      i++;
    }
    i++; // closing quote
    return out;
  };

  let current: Challenge | undefined;
  while (i < header.length) {
    skip(/[\s,]/);
    const start = i;
    const word = readToken();
    if (word === undefined) {
      i++; // unparseable character: skip it rather than loop forever
      continue;
    }
    skip(/[ \t]/);
    if (header[i] === '=' && current) {
      // A parameter of the current challenge (token68 values such as "abc==" are rare in registries).
      i++;
      skip(/[ \t]/);
      const value = header[i] === '"' ? readQuoted() : (readToken() ?? '');
      current.params[word.toLowerCase()] = value;
    } else if (header[i] === '=' && !current) {
      i = start + word.length + 1; // a parameter before any scheme: ignore it
      if (header[i] === '"') readQuoted();
      else readToken();
    } else {
      current = { scheme: word.toLowerCase(), params: {} };
      challenges.push(current);
    }
  }
  return challenges;
}
