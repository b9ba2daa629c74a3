/**
 * A feature's life per page of a single-page app, as refined-github's feature manager does it:
 * the feature is started with `init(signal)` for the page it is on, and when the app navigates to
 * another page (history.pushState, back and forward) that signal is aborted — the feature takes
 * down what it added — and a new one is started for the new page (issue 12: annotations of an
 * SPA were loaded once, and a pushState navigation kept the old page's).
 *
 * "Another page" is another key: for annotations, the page's canonical URL (fragment and
 * tracking parameters aside: a #section link is the same page). What says a navigation happened:
 * - the Navigation API's `currententrychange` (same-document navigations, pushState included),
 *   where the browser has it;
 * - `popstate` and `hashchange`;
 * - a look at the key once a second, for the rest: a browser without the Navigation API, and
 *   apps that update `<link rel=canonical>` some time after pushState. The look is a string
 *   comparison and one querySelector.
 */
import { safely } from './safe';

export interface NavigationLifecycleOptions<F> {
  view: Window;
  /** The page's key, as the feature's data is filed under (annotations: the canonical URL). */
  key(): string;
  /** Start the feature for the current page; it stops when `signal` is aborted. */
  start(signal: AbortSignal): F;
  /** The content script's own life: aborted, everything stops. */
  signal: AbortSignal;
  /** How often the key is looked at besides the events (ms). */
  pollMs?: number;
}

// After a navigation event, the app renders its new page (and its canonical link) first.
const SETTLE_MS = 50;
const POLL_MS = 1_000;

interface NavigationLike extends EventTarget {
  addEventListener(type: 'currententrychange', listener: () => void, options?: object): void;
}

export class NavigationLifecycle<F> {
  private page: AbortController | null = null;
  private key: string;
  private feature: F;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: NavigationLifecycleOptions<F>) {
    const { view, signal } = options;
    this.key = options.key();
    this.feature = this.startPage();
    const soon = () => {
      if (this.timer !== undefined) return;
      this.timer = setTimeout(
        safely(() => {
          this.timer = undefined;
          this.check();
        }),
        SETTLE_MS,
      );
    };
    const listen = { passive: true, signal } as const;
    const navigation = (view as Window & { navigation?: NavigationLike }).navigation;
    navigation?.addEventListener('currententrychange', soon, listen);
    view.addEventListener('popstate', soon, listen);
    view.addEventListener('hashchange', soon, listen);
    const poll = setInterval(
      safely(() => this.check()),
      options.pollMs ?? POLL_MS,
    );
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(poll);
        clearTimeout(this.timer);
        this.page?.abort();
      },
      { once: true },
    );
  }

  /** The feature of the page the app shows now. */
  get current(): F {
    return this.feature;
  }

  /** Start the feature anew if the app is on another page than the one it was started for. */
  check(): void {
    if (this.options.signal.aborted) return;
    const key = this.options.key();
    if (key === this.key) return;
    this.key = key;
    this.feature = this.startPage();
  }

  private startPage(): F {
    this.page?.abort();
    const page = new AbortController();
    this.page = page;
    return this.options.start(page.signal);
  }
}
