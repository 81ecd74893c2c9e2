// A generated file as data: what render returns and write applies (neither imports the other).
export interface GeneratedFile {
  path: string;
  content: string;
  /** merge-dockerignore: an existing .dockerignore keeps the user's lines; missing entries are added. */
  mode: 'replace' | 'merge-dockerignore';
}
