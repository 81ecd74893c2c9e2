// Every option, joined from its flag (flags.ts: the data parsing and --help need) and what it does
// by concern (declarations/*.ts: prompt, summary row, write-back), in the flags' order: the order
// of the prompts, the summary and --help. Adding an option = its flag in flags.ts, its behaviour
// in the concern it belongs to, and its use in resolve.ts.
import type { OptionBehaviours, OptionDeclaration } from './declaration.js';
import { FLAGS, type OptionKey } from './flags.js';
import { APP_OPTIONS } from './declarations/app.js';
import { INSTALL_OPTIONS } from './declarations/install.js';
import { IMAGE_OPTIONS } from './declarations/image.js';
import { DEPLOY_OPTIONS } from './declarations/deploy.js';
import { VERIFY_OPTIONS } from './declarations/verify.js';

/** The concerns, each a table of behaviours; an option belongs to at most one (test/options/declarations.test.ts). */
export const CONCERNS: readonly OptionBehaviours[] = [APP_OPTIONS, INSTALL_OPTIONS, IMAGE_OPTIONS, DEPLOY_OPTIONS, VERIFY_OPTIONS];

const BEHAVIOURS: OptionBehaviours = Object.assign({}, ...CONCERNS);

export const OPTION_LIST: readonly OptionDeclaration[] = (Object.keys(FLAGS) as OptionKey[]).map((key) => ({ key, ...FLAGS[key], ...BEHAVIOURS[key] }));
