import Handlebars from 'handlebars';
import { zodFieldErrors } from '@crm/http';
import { z } from 'zod';
import { FieldError, InvalidInputError } from '@crm/core';

/** What a template may say about its recipient, filled from the replica at send time. */
export interface Personalisation {
  name: string;
  /** The model of the customer's most recently bought vehicle, if any. */
  model: string | null;
  city: string | null;
  unsubscribeUrl: string;
}

const FIELDS: ReadonlySet<string> = new Set<keyof Personalisation>([
  'name',
  'model',
  'city',
  'unsubscribeUrl',
]);
const BLOCK_HELPERS: ReadonlySet<string> = new Set(['if', 'unless']);

export const TemplateLanguages = { zhCN: 'zh-CN', en: 'en' } as const;
export type TemplateLanguage = (typeof TemplateLanguages)[keyof typeof TemplateLanguages];

const content = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export type MessageContent = z.infer<typeof content>;

/** A message in Chinese, and in English for customers known to read it. */
const templateSchema = z.strictObject({ 'zh-CN': content, en: content.optional() });
export type CampaignTemplate = z.infer<typeof templateSchema>;

/**
 * A template from a request: each text a Handlebars template over the personalisation fields only (`{{name}}`,
 * `{{#if model}}…{{/if}}`); a bad one is a 400 naming it, e.g. `template.en.body`.
 */
export function parseCampaignTemplate(value: unknown, path = 'template'): CampaignTemplate {
  const parsed = templateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidInputError(zodFieldErrors(parsed.error, path));
  const errors: FieldError[] = [];
  for (const [language, texts] of Object.entries(parsed.data))
    for (const [part, text] of Object.entries(texts ?? {}))
      errors.push(...templateErrors(text, `${path}.${language}.${part}`));
  if (errors.length > 0) throw new InvalidInputError(errors);
  return parsed.data;
}

function templateErrors(text: string, field: string): FieldError[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch (error) {
    return [{ field, message: `not a valid template: ${(error as Error).message.split('\n')[0]}` }];
  }
  const unknown = [...namesIn(ast)].filter((name) => !FIELDS.has(name) && !BLOCK_HELPERS.has(name));
  return unknown.length === 0
    ? []
    : [{ field, message: `unknown ${unknown.join(', ')}; use ${[...FIELDS].join(', ')}, #if, #unless` }];
}

/** Every path and partial a template refers to, anywhere in its tree. */
function namesIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => namesIn(child, found));
  else if (node && typeof node === 'object') {
    const { type, original } = node as { type?: string; original?: unknown };
    if (type === 'PathExpression') found.add(String(original));
    else if (type === 'PartialStatement' || type === 'PartialBlockStatement') found.add('>partial');
    else for (const [key, child] of Object.entries(node)) if (key !== 'loc') namesIn(child, found);
  }
  return found;
}

/** The variant for the customer's language when the template has it, else Chinese. */
export function pickLanguage(template: CampaignTemplate, language: string | null): TemplateLanguage {
  return language?.toLowerCase().startsWith('en') && template.en
    ? TemplateLanguages.en
    : TemplateLanguages.zhCN;
}

/** A template compiled once per campaign and rendered per recipient (plain text: nothing is HTML-escaped). */
export class CompiledTemplate {
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate<Personalisation>>();

  constructor(private readonly template: CampaignTemplate) {}

  render(language: string | null, personalisation: Personalisation): MessageContent {
    const chosen = pickLanguage(this.template, language);
    return {
      subject: this.part(chosen, 'subject')(personalisation),
      body: this.part(chosen, 'body')(personalisation),
    };
  }

  private part(language: TemplateLanguage, part: keyof MessageContent) {
    const key = `${language}.${part}`;
    let delegate = this.compiled.get(key);
    if (!delegate) {
      const text = (this.template[language] as MessageContent)[part];
      delegate = Handlebars.compile<Personalisation>(text, { noEscape: true, strict: false });
      this.compiled.set(key, delegate);
    }
    return delegate;
  }
}
