import Handlebars from 'handlebars';

/** What a campaign template may say about its recipient (the service's personalisation fields). */
export const PLACEHOLDERS = ['name', 'model', 'city', 'unsubscribeUrl'] as const;
export type Personalisation = Record<(typeof PLACEHOLDERS)[number], string | null>;

/**
 * A template rendered for one sample member, as the service renders it at send time: `{{field}}`, `#if`, `#unless`,
 * `else`. The console's content security policy allows no eval, so the parsed template is walked here instead of
 * compiled.
 */
export function renderPreview(template: string, member: Personalisation): string {
  return renderProgram(Handlebars.parse(template), member);
}

function renderProgram(program: hbs.AST.Program | undefined, member: Personalisation): string {
  return (program?.body ?? []).map((statement) => renderStatement(statement, member)).join('');
}

function renderStatement(statement: hbs.AST.Statement, member: Personalisation): string {
  switch (statement.type) {
    case 'ContentStatement':
      return (statement as hbs.AST.ContentStatement).value;
    case 'MustacheStatement':
      return valueOf((statement as hbs.AST.MustacheStatement).path, member) ?? '';
    case 'BlockStatement': {
      const block = statement as hbs.AST.BlockStatement;
      const helper = (block.path as hbs.AST.PathExpression).original;
      const truthy = Boolean(valueOf(block.params[0], member));
      const shown = helper === 'unless' ? !truthy : truthy;
      return renderProgram(shown ? block.program : block.inverse, member);
    }
    default:
      return '';
  }
}

function valueOf(expression: hbs.AST.Expression | undefined, member: Personalisation): string | null {
  const name = (expression as hbs.AST.PathExpression | undefined)?.original;
  return member[name as keyof Personalisation] ?? null;
}
