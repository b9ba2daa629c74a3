import { describe, it, expect } from 'vitest';
import { TRACKING_PARAMETERS, canonicalUrl, siteOf } from '../../src/core/annotations/url';

describe('canonicalUrl', () => {
  it('drops the fragment', () => {
    expect(canonicalUrl('https://example.org/story#comments')).toBe('https://example.org/story');
    expect(canonicalUrl('https://example.org/story#')).toBe('https://example.org/story');
  });

  it('drops utm_* parameters of any case and keeps the others in their order', () => {
    expect(
      canonicalUrl(
        'https://example.org/story?b=2&utm_source=newsletter&a=1&UTM_Medium=email&Utm_campaign=x&z=0',
      ),
    ).toBe('https://example.org/story?b=2&a=1&z=0');
  });

  it('drops the click ids and other tracking parameters', () => {
    const tracking = TRACKING_PARAMETERS.map((p, i) => `${p}=v${i}`).join('&');
    expect(canonicalUrl(`https://example.org/a?id=7&${tracking}&page=2`)).toBe(
      'https://example.org/a?id=7&page=2',
    );
    expect(canonicalUrl('https://example.org/a?FBCLID=x&GCLID=y&MsClkId=z')).toBe(
      'https://example.org/a',
    );
    for (const p of ['fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_ga']) {
      expect(TRACKING_PARAMETERS).toContain(p);
    }
    for (const p of ['_gl', 'ref_src', 'yclid', 'twclid']) expect(TRACKING_PARAMETERS).toContain(p);
  });

  it('keeps parameters that may choose content, written exactly as they were', () => {
    expect(canonicalUrl('https://example.org/s?q=reko%20diq&x=1+2&ref=home&source=rss')).toBe(
      'https://example.org/s?q=reko%20diq&x=1+2&ref=home&source=rss',
    );
    expect(canonicalUrl('https://example.org/s?flag&utm_term=a')).toBe(
      'https://example.org/s?flag',
    );
  });

  it('recognizes an encoded tracking parameter name', () => {
    expect(canonicalUrl('https://example.org/s?utm%5Fsource=x&k=v')).toBe(
      'https://example.org/s?k=v',
    );
  });

  it('drops an empty query entirely', () => {
    expect(canonicalUrl('https://example.org/s?utm_source=x&fbclid=y')).toBe(
      'https://example.org/s',
    );
    expect(canonicalUrl('https://example.org/s?')).toBe('https://example.org/s');
  });

  it("uses an absolute http(s) canonical link of the page's own origin", () => {
    expect(
      canonicalUrl(
        'https://example.org/amp/story?utm_source=tw#top',
        'https://example.org/news/story',
      ),
    ).toBe('https://example.org/news/story');
    expect(canonicalUrl('https://example.org/a', 'HTTPS://EXAMPLE.ORG:443/b')).toBe(
      'https://example.org/b',
    );
  });

  // Issue 12: a page's canonical link to another site made the content script load and paint
  // that site's annotations, and file new ones under its URL.
  it('ignores a canonical link to another origin: host, subdomain, scheme or port', () => {
    const page = 'https://evil.example/story?utm_source=tw#top';
    for (const other of [
      'https://victim.example/secret-story',
      'https://www.evil.example/story',
      'https://evil.example.victim.example/story',
      'http://evil.example/story',
      'https://evil.example:8443/story',
      '//victim.example/story',
    ]) {
      expect(canonicalUrl(page, other)).toBe('https://evil.example/story');
    }
    // Same site is not enough: m. and www. of one domain are two origins, kept apart.
    expect(canonicalUrl('https://m.example.org/story', 'https://www.example.org/news/story')).toBe(
      'https://m.example.org/story',
    );
  });

  it('resolves a relative canonical link against the page', () => {
    expect(canonicalUrl('https://example.org/amp/story?x=1', '/news/story')).toBe(
      'https://example.org/news/story',
    );
    expect(canonicalUrl('https://example.org/news/amp/', '../story')).toBe(
      'https://example.org/news/story',
    );
  });

  it('cleans the canonical link too', () => {
    expect(
      canonicalUrl('https://example.org/a', 'https://example.org/b?utm_source=x&p=1#frag'),
    ).toBe('https://example.org/b?p=1');
  });

  it('ignores a canonical link that is not http(s) or not usable', () => {
    expect(canonicalUrl('https://example.org/a#x', 'javascript:alert(1)')).toBe(
      'https://example.org/a',
    );
    expect(canonicalUrl('https://example.org/a', 'data:text/html,hi')).toBe(
      'https://example.org/a',
    );
    expect(canonicalUrl('https://example.org/a', '')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/a', '   ')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/a', null)).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/a', 'http://[bad')).toBe('https://example.org/a');
  });

  it('drops credentials and normalizes scheme, host and default port', () => {
    expect(canonicalUrl('HTTPS://user:secret@Example.ORG:443/Story')).toBe(
      'https://example.org/Story',
    );
  });

  it('returns what is not an http(s) URL unchanged, never throwing', () => {
    for (const input of ['', 'not a url', 'about:blank', 'file:///tmp/a.html#x', 'javascript:x']) {
      expect(canonicalUrl(input)).toBe(input);
    }
    expect(canonicalUrl('not a url', 'also not')).toBe('not a url');
  });

  it('takes no canonical link when the page URL is not a URL (no origin to compare with)', () => {
    expect(canonicalUrl('not a url', 'https://example.org/x#y')).toBe('not a url');
  });

  it('is idempotent', () => {
    for (const input of [
      'https://example.org/s?q=a%20b&utm_source=x&k=%E2%80%99#f',
      'http://Example.org:80/a/../b?x=1&fbclid=2',
      'https://example.org/Balochistan’s-mine?q=é',
    ]) {
      const once = canonicalUrl(input);
      expect(canonicalUrl(once)).toBe(once);
    }
  });
});

describe('siteOf', () => {
  it('gives the lower-case host name', () => {
    expect(siteOf('https://WWW.Dawn.com/news/1')).toBe('www.dawn.com');
    expect(siteOf('http://example.org:8080/x')).toBe('example.org');
  });

  it("gives '' when there is none", () => {
    expect(siteOf('not a url')).toBe('');
    expect(siteOf('')).toBe('');
    expect(siteOf('about:blank')).toBe('');
  });
});
