import { TemplateLanguages } from '../campaigns/campaign-template';
import { ChannelTemplate, isEmailTemplate } from '../campaigns/channel-template';

/**
 * A URL in plain text: ASCII URL characters only, so it ends at whitespace, a quote, a bracket, a Handlebars brace or
 * the Chinese text (full-width punctuation) that follows it.
 */
const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+/g;
/** Sentence punctuation right after a URL belongs to the sentence. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

const urlsIn = (text: string) =>
  [...text.matchAll(URL_IN_TEXT)].map(([url]) => url.replace(TRAILING_PUNCTUATION, ''));

/**
 * The links a campaign's author wrote, numbered in a fixed order (Chinese body, then English body), each once.
 * Only these can be the target of a tracked click; a URL a personalisation field brings in is not among them.
 */
export function templateLinks(template: ChannelTemplate): string[] {
  if (!isEmailTemplate(template)) return [];
  const bodies = [template[TemplateLanguages.zhCN].body, template[TemplateLanguages.en]?.body ?? ''];
  return [...new Set(bodies.flatMap(urlsIn))];
}

/** The text with each of the template's links replaced by the tracked one for its index; other URLs unchanged. */
export function rewriteLinks(
  text: string,
  links: readonly string[],
  trackedUrl: (index: number) => string,
): string {
  return text.replace(URL_IN_TEXT, (found) => {
    const url = found.replace(TRAILING_PUNCTUATION, '');
    const index = links.indexOf(url);
    return index < 0 ? found : trackedUrl(index) + found.slice(url.length);
  });
}
