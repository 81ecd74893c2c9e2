// Handlebars set up for files that are not HTML: no escaping (an "&" must stay "&" in a RUN line)
// and strict mode (a missing view value fails the render instead of printing nothing).
import Handlebars from 'handlebars';
import composeTemplate from '../../templates/compose.yaml.hbs?raw';
import dockerfileTemplate from '../../templates/Dockerfile.hbs?raw';
import installPartial from '../../templates/partials/install.hbs?raw';
import systemPackagesPartial from '../../templates/partials/system-packages.hbs?raw';
import readmeTemplate from '../../templates/README.Docker.md.hbs?raw';

const handlebars = Handlebars.create();
handlebars.registerPartial('install', installPartial);
handlebars.registerPartial('system-packages', systemPackagesPartial);

const compile = (source: string) => handlebars.compile(source, { noEscape: true, strict: true });

export const templates = {
  dockerfile: compile(dockerfileTemplate),
  compose: compile(composeTemplate),
  readme: compile(readmeTemplate),
};
