// The files `node <script>` may run, in the order Node tries them for the main entry (CommonJS main
// resolution, also for "type": "module" packages): the path itself, then with .js, .json, .node added,
// then a directory's index. For the "the runtime stage holds it" check: one of these must be copied.
export function filesNodeTries(script: string): string[] {
  const extensions = ['.js', '.json', '.node'];
  return [script, ...extensions.map((ext) => `${script}${ext}`), ...extensions.map((ext) => `${script}/index${ext}`)];
}
