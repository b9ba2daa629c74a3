/**
 * Which page an annotation belongs to: the page's canonical URL, so that the same article reached
 * from a newsletter, a social network or a search result is one page.
 *
 * Uses the WHATWG `URL` class, which is part of the JavaScript platform in every place core runs
 * (browsers, workers, Node) and is pure: it parses a string and touches nothing else.
 */

/**
 * Query parameters that only say how the reader arrived, never what the page is. Compared
 * case-insensitively; `utm_*` (any parameter whose name starts with `utm_`) is matched as a prefix.
 *
 * - `utm_*` — Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, utm_term,
 *   utm_content, utm_id…), used by nearly every newsletter and social post
 * - `fbclid` (Facebook), `gclid`, `gclsrc`, `dclid`, `gbraid`, `wbraid` (Google Ads and Display),
 *   `msclkid` (Microsoft Ads), `yclid` (Yandex), `twclid` (X/Twitter), `ttclid` (TikTok),
 *   `li_fat_id` (LinkedIn), `igshid` and `igsh` (Instagram), `epik` (Pinterest), `scid` (Snapchat)
 * - `mc_cid`, `mc_eid` (Mailchimp), `_hsenc`, `_hsmi` (HubSpot), `mkt_tok` (Marketo),
 *   `vero_id`, `vero_conv` (Vero), `oly_anon_id`, `oly_enc_id` (Omeda), `wickedid` (Wicked Reports)
 * - `_ga`, `_gl` (Google Analytics cross-domain linking)
 * - `ref_src`, `ref_url` (X/Twitter embeds), `s_kwcid` (Adobe)
 *
 * Parameters a site may use to choose content (`ref`, `id`, `page`, `s`, `source`…) are kept.
 */
export const TRACKING_PARAMETERS: readonly string[] = [
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'epik',
  'scid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'wickedid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  's_kwcid',
];

const TRACKING = new Set(TRACKING_PARAMETERS);
const TRACKING_PREFIX = 'utm_';

function parse(input: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(input) : new URL(input, base);
  } catch {
    return null;
  }
}

function isWeb(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** The parameter's name as a reader would compare it: decoded (when it can be), lower-case. */
function parameterName(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = (eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function isTracking(pair: string): boolean {
  const name = parameterName(pair);
  return TRACKING.has(name) || name.startsWith(TRACKING_PREFIX);
}

/**
 * The page's canonical URL.
 *
 * - `canonicalHref` (the page's `<link rel=canonical href>`, as written) is used when it resolves,
 *   relative to `pageUrl`, to an http(s) URL of the page's own origin (scheme, host and port);
 *   otherwise `pageUrl`. A canonical link is the page's to write: honoured across origins, it would
 *   let any page load and paint another site's annotations, and file new ones under that site's
 *   URL. Same origin rather than same site (registrable domain): telling a registrable domain
 *   needs the Public Suffix List (a guess such as "the last two labels" would make bbc.co.uk and
 *   evil.co.uk one site), and the background scopes a content script to its frame's origin
 *   anyway. The cost: `m.example.org` pointing to `www.example.org` is kept as its own page.
 * - The fragment is dropped, and so are user name and password (never part of a page's identity,
 *   and never to be exported).
 * - Tracking parameters (TRACKING_PARAMETERS) are dropped; the others stay in their order, written
 *   exactly as they were (no re-encoding), and an empty query loses its `?`.
 * - Scheme and host are lower-cased and a default port dropped (the URL parser's normal form).
 *
 * Never throws: a `pageUrl` that is not an http(s) URL (and no usable canonical link) is returned
 * unchanged. Idempotent: canonicalUrl(canonicalUrl(u)) === canonicalUrl(u).
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  let url: URL | null = null;
  if (typeof canonicalHref === 'string' && canonicalHref.trim() !== '') {
    const page = parse(pageUrl);
    const canonical = page ? parse(canonicalHref.trim(), page.href) : null;
    if (page && canonical && isWeb(canonical) && canonical.origin === page.origin) url = canonical;
  }
  if (url === null) {
    url = parse(pageUrl);
    if (url === null || !isWeb(url)) return pageUrl;
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  // Also when `search` is '' (no query, or a bare '?', which the assignment removes).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(pair));
  url.search = kept.length === 0 ? '' : '?' + kept.join('&');
  return url.href;
}

/** The URL's host name, lower-case ('' when the input is not a URL or has no host). */
export function siteOf(url: string): string {
  const parsed = parse(url);
  return parsed === null ? '' : parsed.hostname.toLowerCase();
}
