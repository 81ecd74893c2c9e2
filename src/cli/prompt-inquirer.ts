// The real prompt function: inquirer, imported only when a run is interactive so that scripted
// runs never load it. Ctrl+C surfaces as inquirer's ExitPromptError, which the shell maps to 130.
import type { Ask, Question } from './prompts.js';

export async function createInquirerAsk(): Promise<Ask> {
  const { default: inquirer } = await import('inquirer');
  return async (question: Question) => {
    const answers = (await inquirer.prompt([{ ...question, name: 'value' } as never])) as { value: string | boolean };
    return answers.value;
  };
}
