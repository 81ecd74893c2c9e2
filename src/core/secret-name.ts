// Whether a variable name looks like it holds a secret (NPM_TOKEN, npmAuthToken, DB_PASSWORD):
// `check` flags such an ARG or ENV, and generate refuses it as a --build-arg (it would stay in the
// image history), pointing to --build-secret instead. One word list for both.

const SECRET_NAME_PARTS = new Set([
  'TOKEN', 'AUTHTOKEN', 'PASSWORD', 'PASSWD', 'PASS', 'SECRET', 'SECRETS', 'AUTH', 'KEY', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS',
]);

export function looksLikeSecretName(name: string): boolean {
  return nameParts(name).some((part) => SECRET_NAME_PARTS.has(part));
}

/** NPM_TOKEN -> [NPM, TOKEN]; npmAuthToken -> [NPM, AUTH, TOKEN]. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .map((part) => part.toUpperCase());
}
