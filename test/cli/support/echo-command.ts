// A test-only command: the one file a second command needs (registered by the test through the same
// table shape as src/cli/commands/table.ts). It echoes its parsed values as JSON.
import { defineCommand } from '../../../src/cli/commands/command.js';

export const command = defineCommand({
  options: {
    shout: { flag: 'shout', type: 'boolean', default: false, describe: 'Print in capitals' },
    word: { flag: 'word', type: 'list', describe: 'A word to echo (repeatable)' },
  },
  help: { usage: '$0 [dir] [options]\n\nEcho the arguments back (test only).', examples: [['$0 --word hi', 'Prints {"word":["hi"]}']] },
  async run(values, deps) {
    const text = JSON.stringify({ dir: values.dir, word: values.word, shout: values.shout });
    deps.stdout(`${values.shout ? text.toUpperCase() : text}\n`);
    return 0;
  },
});
