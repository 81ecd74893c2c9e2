// The Node version ranges most projects write (`>=20`, `^22.11`, `~24.1.0`, `24`), matched against a
// release version (X.Y.Z) without semver's range parser. A dry run spent 3-4 ms in that parser's
// first use (its regular expressions compile then), about a tenth of the tool's start-up on top
// of `node -e 0`. Anything else (other operators, x-ranges, unions, prereleases) is not handled
// here: the callers in semver.ts hand it to semver. test/core/simple-range.test.ts checks this
// against semver on a grid of ranges and versions.
const NUMBER = '(0|[1-9]\\d{0,8})';
const RANGE = new RegExp(`^(>=|\\^|~)?${NUMBER}(?:\\.${NUMBER})?(?:\\.${NUMBER})?$`);
const VERSION = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}$`);

type Triple = [number, number, number];

/** [lowest included, lowest excluded] for a range this file handles; undefined for any other. */
function bounds(range: string): [Triple, Triple | undefined] | undefined {
  const m = RANGE.exec(range);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const x = Number(m[2]);
  const y = m[3] === undefined ? undefined : Number(m[3]);
  const z = m[4] === undefined ? undefined : Number(m[4]);
  const low: Triple = [x, y ?? 0, z ?? 0];
  if (op === '>=') return [low, undefined];
  if (y === undefined) return [low, [x + 1, 0, 0]];
  if (op === '^') {
    if (x > 0) return [low, [x + 1, 0, 0]];
    if (y > 0 || z === undefined) return [low, [0, y + 1, 0]];
    return [low, [0, 0, z + 1]];
  }
  if (op === '~' || z === undefined) return [low, [x, y + 1, 0]];
  return [low, [x, y, z + 1]];
}

const compare = (a: Triple, b: Triple) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether the range is one this file handles (such a range is always valid for semver). */
export function isSimpleRange(range: string): boolean {
  return RANGE.test(range);
}

/** satisfies(version, range) for a release version and a simple range; undefined for anything else. */
export function simpleSatisfies(version: string, range: string): boolean | undefined {
  const v = VERSION.exec(version);
  const b = bounds(range);
  if (!v || !b) return undefined;
  const triple: Triple = [Number(v[1]), Number(v[2]), Number(v[3])];
  const [low, high] = b;
  return compare(triple, low) >= 0 && (high === undefined || compare(triple, high) < 0);
}
