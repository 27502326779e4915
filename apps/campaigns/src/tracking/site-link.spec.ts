import { withSiteLinkToken } from './site-link';

const SITE = 'https://www.aurora-motors.example';

describe(withSiteLinkToken.name, () => {
  it('adds the click token to a link on the site, keeping its query and fragment', () => {
    expect(withSiteLinkToken(`${SITE}/models/s7?ref=mail#price`, 'tok', [SITE])).toBe(
      `${SITE}/models/s7?ref=mail&crm_ct=tok#price`,
    );
  });

  it('never gives the token to another origin, or when no site is configured', () => {
    expect(withSiteLinkToken('https://shop.example.cn/offer?id=1', 'tok', [SITE])).toBe(
      'https://shop.example.cn/offer?id=1',
    );
    expect(withSiteLinkToken('http://www.aurora-motors.example/', 'tok', [SITE])).toBe(
      'http://www.aurora-motors.example/',
    );
    expect(withSiteLinkToken(`${SITE}/`, 'tok', [])).toBe(`${SITE}/`);
  });
});
