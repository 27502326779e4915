import { Inject, Injectable } from '@nestjs/common';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { CampaignTemplate, MessageContent } from '../campaigns/campaign-template';
import { OpenClaim, TrackingTokens } from '@crm/core';
import { rewriteLinks, templateLinks } from './template-links';

/** A rendered mail with its links tracked: the text part, and an HTML part carrying the open pixel. */
export interface TrackedContent {
  body: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
const LINK_IN_ESCAPED = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$*+,;=%]+/g;

/** Rewrites each mail's template links into signed redirect links and adds the open pixel, at render time. */
@Injectable()
export class MessageTracking {
  constructor(
    private readonly tokens: TrackingTokens,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {}

  track(recipient: OpenClaim & { template: CampaignTemplate }, content: MessageContent): TrackedContent {
    const base = this.settings.trackingBaseUrl;
    const body = rewriteLinks(
      content.body,
      templateLinks(recipient.template),
      (linkIndex) => `${base}c/${this.tokens.signClick({ ...recipient, linkIndex })}`,
    );
    const pixel = `${base}o/${this.tokens.signOpen(recipient)}.gif`;
    const paragraphs = escapeHtml(body).replace(LINK_IN_ESCAPED, (url) => `<a href="${url}">${url}</a>`);
    return {
      body,
      html: `<div style="white-space:pre-wrap">${paragraphs}</div><img src="${pixel}" width="1" height="1" alt="">`,
    };
  }
}
