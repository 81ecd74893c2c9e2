// The questions a prompt can ask: the shape both the real prompt library (cli/prompt-inquirer.ts)
// and the tests' scripted prompt answer.
export type Question =
  | { type: 'input'; name: string; message: string; default?: string; validate?: (value: string) => true | string }
  | { type: 'confirm'; name: string; message: string; default: boolean }
  | { type: 'select'; name: string; message: string; default: string; choices: { name: string; value: string }[] };

/** Turns a validator that throws into the "true or message" form prompts use. */
export function promptCheck(validate: (value: string) => unknown): (value: string) => true | string {
  return (value) => {
    try {
      validate(value);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
