// URL credentials (`https://user:password@host/`) must never reach a message: every error line,
// the --json error object and printable() pass their text through here. No dependencies, so the
// shell can use it on its start-up path.

/** `user:password@` right after a URL scheme, anywhere in a text. */
const USERINFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#\s"'@]*@/g;

export function hasUrlCredentials(value: string): boolean {
  return new RegExp(USERINFO.source).test(value);
}

/** The text with the userinfo of every URL in it replaced by "***". */
export function redactUrlCredentials(text: string): string {
  return text.replace(USERINFO, '$1***@');
}
