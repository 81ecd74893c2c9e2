// Handlebars set up for files that are not HTML: no escaping (an "&" must stay "&" in a RUN line)
// and strict mode (a missing view value fails the render instead of printing nothing). The
// templates use only Handlebars' own helpers (if, each, unless) and no @data variables, so the
// compiled code leaves out the lookups for others (knownHelpersOnly, data: false): 18 KB less in
// the generate chunk. A template that needs either fails its golden test until they are set back.
//
// This module compiles the templates from templates/ when it runs from source (tests). The build
// (scripts/build.mjs) replaces it with the same templates precompiled under the same options, so
// the CLI loads only the Handlebars runtime and never parses a template at start-up.
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import manifest from '../../templates/manifest.json' with { type: 'json' };

export const COMPILE_OPTIONS = { noEscape: true, strict: true, knownHelpersOnly: true, data: false } as const;

const directory = new URL('../../templates/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, directory), 'utf8');

const handlebars = Handlebars.create();
for (const [name, file] of Object.entries(manifest.partials)) handlebars.registerPartial(name, read(file));
const compile = (file: string) => handlebars.compile(read(file), COMPILE_OPTIONS);

export const templates = {
  dockerfile: compile(manifest.templates.dockerfile),
  compose: compile(manifest.templates.compose),
  readme: compile(manifest.templates.readme),
};
