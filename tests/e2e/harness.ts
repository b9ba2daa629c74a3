/**
 * One interface over the two drivers (playwright-core for Chromium, puppeteer-core over WebDriver
 * BiDi for Firefox), so a test is written once and runs in both browsers.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  /**
   * Run `fn` in the page and return its (JSON-serializable) result. `fn` is sent as source: it may
   * use only its argument and the page's globals, nothing from the test's module scope.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Run a classic script's source in the page, through the driver rather than a <script>
   * element, so the extension pages' CSP (no eval, no inline scripts) does not block it.
   */
  addScript(source: string): Promise<void>;
  /**
   * Run `fn` (as `evaluate` does) in each of the page's frames below the top one, extension
   * frames included, and return what each gave; a frame that cannot be scripted (detached, still
   * loading) is skipped.
   */
  inFrames<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R[]>;
  screenshot(file: string, options?: { fullPage?: boolean }): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Make this the active tab. A hidden tab does not run a smooth scroll in Firefox: a test of
   * "reveal" brings the page to the front *before* clicking in the popup (whose page still runs
   * scripts from the background), as a real popup sits over the visible page.
   */
  bringToFront(): Promise<void>;
  /** Type text with the keyboard into whatever has focus (also inside closed shadow roots). */
  type(text: string): Promise<void>;
  /** Press a key or chord, in the driver's notation shared by both: "Escape", "Control+Enter". */
  press(key: string): Promise<void>;
  /** Move the mouse to (x, y) in the viewport, as the user does: the events are trusted. */
  mouseMove(x: number, y: number): Promise<void>;
  /**
   * Click the first element matching `selector` as the user does (trusted mouse events): a
   * handler it runs may do what needs a user gesture (permissions.request).
   */
  click(selector: string): Promise<void>;
  /** Emulate the user's light or dark preference, where the driver can. Returns whether it could. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<boolean>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>, without a trailing slash. */
  readonly extensionOrigin: string;
  /** A web page in a new tab, loaded. */
  openPage(url: string): Promise<TestPage>;
  /** One of the extension's pages (path relative to its root) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Every URL the browser's pages (ours and the extension's) requested since launch; in Chromium
   * also the extension's service worker's (CDP Network events of its target).
   */
  requestedUrls(): string[];
  /**
   * Let the extension's next permissions.request for this host pattern pass without a prompt, as
   * a user who answers "Allow" (headless browsers cannot show the prompt): in Chromium the host
   * is granted in chrome://extensions (developerPrivate, as the "Site access" setting does), and
   * permissions.request then answers true at once; in Firefox the launch pref
   * `extensions.webextOptionalPermissionPrompts` = false does it for every request.
   */
  allowHostPermission(pattern: string): Promise<void>;
  close(): Promise<void>;
}

/** A driver's page as `childFrameAnswers` reads it (playwright's and puppeteer's both are). */
interface FramedPage<F> {
  frames(): F[];
  mainFrame(): F;
}

/**
 * `TestPage.inFrames` for either driver: `ask` run in each frame below the top one, what they
 * gave; a frame that could not be scripted is left out.
 */
export async function childFrameAnswers<F, R>(
  page: FramedPage<F>,
  ask: (frame: F) => Promise<R>,
): Promise<R[]> {
  const top = page.mainFrame();
  const settled = await Promise.allSettled(
    page
      .frames()
      .filter((frame) => frame !== top)
      .map(ask),
  );
  return settled.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
}

// Polling an in-page condition: often enough not to slow a test down, rarely enough not to load
// a 2-core machine. The deadline only turns a hang into a failure; no test asserts on time.
const POLL_MS = 100;
export const WAIT_DEADLINE_MS = 20_000;

/** Wait until `fn` returns a truthy value in the page, and return that value. */
export async function waitFor<R, A = undefined>(
  page: TestPage,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
  what = 'the page to reach the expected state',
): Promise<NonNullable<R>> {
  const deadline = Date.now() + WAIT_DEADLINE_MS;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await page.evaluate(fn, arg);
      if (value) return value as NonNullable<R>;
    } catch (error) {
      // The page may be navigating or not yet scriptable; try again until the deadline.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
