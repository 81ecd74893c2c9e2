// Image references in Docker's grammar (github.com/distribution/reference, reference.go):
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [ domain "/" ] path-component ( "/" path-component )*
//   domain    := domain-component ( "." domain-component )* [ ":" port ]   (or an [IPv6] address)
//   path-component := [a-z0-9]+ ( separator [a-z0-9]+ )*, separator := [_.] | __ | -+
//   tag       := [\w][\w.-]{0,127}
// Names are at most 255 characters. Digests are the one kind we write: sha256 and 64 lowercase hex.
import { DIGEST_PATTERN } from './digest.js';

export interface ImageReference {
  /** The repository as written, registry host included ("registry.example.com:5000/team/app"). */
  name: string;
  tag?: string;
  digest?: string;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*';
const NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const NAME_MAX = 255;

/** The parts of a reference, or undefined when it is not one in Docker's grammar. */
export function parseImageReference(text: string): ImageReference | undefined {
  const at = text.indexOf('@');
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const rest = at === -1 ? text : text.slice(0, at);
  if (digest !== undefined && !DIGEST_PATTERN.test(digest)) return undefined;
  // A colon after the last slash starts the tag; one before it belongs to the registry's port.
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  const name = hasTag ? rest.slice(0, colon) : rest;
  const tag = hasTag ? rest.slice(colon + 1) : undefined;
  if (name.length > NAME_MAX || !NAME.test(name)) return undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

export function formatImageReference(ref: ImageReference): string {
  return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
