// Splits a printed command line into argv the way a POSIX shell does for the words our commands
// print: bare words and single-quoted words (with '\'' for a quote). Anything else is a test failure.
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /\s*(?:([^\s'"\\$`]+)|'((?:[^']|'\\'')*)')/y;
  const rest = line.trim();
  let current = '';
  let index = 0;
  while (index < rest.length) {
    if (/\s/.test(rest[index] ?? '')) {
      words.push(current);
      current = '';
      while (/\s/.test(rest[index] ?? '')) index += 1;
      continue;
    }
    pattern.lastIndex = index;
    const match = pattern.exec(rest);
    if (!match) throw new Error(`not a plain shell word at ${index}: ${rest.slice(index)}`);
    current += match[1] ?? (match[2] ?? '').replace(/'\\''/g, "'");
    index = pattern.lastIndex;
  }
  if (rest !== '') words.push(current);
  return words;
}
