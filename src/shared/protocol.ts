/**
 * The protocol between Factmark's parts, as one contract (docs/contracts.md, "Runtime messages"):
 * every request type is mapped to its request, its answer and the callers allowed to send it.
 * The compiler checks both ends against it — a handler must return the answer of its request
 * type (src/background/router.ts), a sender gets that answer's type back, and a content script
 * cannot even write a request that only extension pages may send (ContentScriptRequest) — and the
 * background checks the caller at run time before it reads anything else of the message.
 *
 * In the spirit of hypothesis/client's `port-rpc-calls.d.ts`: the calls each side makes of the
 * other, in one place. The message shapes and their validators stay in ./messages.ts.
 */
import type {
  AnnotateRequest,
  AnnotationSaveAnswer,
  AnnotationSaveRequest,
  AnnotationsAnswer,
  AnnotationsChangedNotice,
  AnnotationsDeleteAnswer,
  AnnotationsDeleteRequest,
  AnnotationsPageAnswer,
  AnnotationsPageRequest,
  AnnotationsRequest,
  AnnotationsRestoreAnswer,
  AnnotationsRestoreRequest,
  BackgroundRequest,
  ContentRequest,
  ContentStats,
  ExportAnswer,
  ExportRequest,
  FactDeleteRequest,
  FactSaveAnswer,
  FactSaveRequest,
  FactsAnswer,
  FactsGetRequest,
  FactsRequest,
  Failure,
  ImportAnswer,
  ImportRequest,
  ImportUndoAnswer,
  ImportUndoRequest,
  OkAnswer,
  ReportRequest,
  RevealAnnotationRequest,
  RevealRequest,
  SiteAnswer,
  SiteGetRequest,
  SiteSetRequest,
  SiteSwitchNotice,
  StatsRequest,
} from './messages';
import type {
  EntitiesAnswer,
  EntitiesRequest,
  EntityAnswer,
  EntityEnableRequest,
  EntityRemoveRequest,
  EntitySaveRequest,
  PageTextAnswer,
  PageTextRequest,
  SourceAddRequest,
  SourceAnswer,
  SourceEnableRequest,
  SourceFactsAnswer,
  SourceFactsRequest,
  SourceRemoveRequest,
  SourcesAnswer,
  SourcesRequest,
} from './sources-protocol';
import type {
  BackupExportAnswer,
  BackupExportRequest,
  BackupImportAnswer,
  BackupImportRequest,
} from './backup-protocol';
import type {
  AnnotationShareAnswer,
  AnnotationShareRequest,
  DeskItemsAnswer,
  DeskItemsRequest,
  ShareAnswer,
  ShareRequest,
  SyncConflictsAnswer,
  SyncConflictsRequest,
  SyncNowAnswer,
  SyncNowRequest,
  SyncResolveRequest,
  SyncSetAnswer,
  SyncSetRequest,
  SyncStatusAnswer,
  SyncStatusRequest,
  SyncTestAnswer,
  SyncTestRequest,
} from './sync-protocol';
import type { Report, ReportAnnotation } from '../core/types';
import { EDITOR_PAGE } from './editor-protocol';

// ---- Callers --------------------------------------------------------------------------------

/**
 * Who sent a message to the background, as the background tells from the browser's `sender`
 * (never from the message):
 * - `extension page`: one of the extension's own documents at the top of a tab of its own or in
 *   no tab at all — the popup, the Library (the options page, open in a tab);
 * - `embedded extension page`: an extension document that a web page can hold (isEmbedded
 *   below) — the annotation editor, framed into the web page's tab. It speaks to the content
 *   script over its port (src/shared/editor-protocol.ts), and sends one request only: the
 *   journalist's "Shared with the desk" for the annotation just saved in it
 *   (`factmark/annotation-share`, scoped by the background to the editor page in a web page's tab,
 *   and to that page's site). It may send nothing else, nor open the export and import ports;
 * - `content script`: `sender.tab` is present and `sender.url` is an http(s) page: one frame's
 *   content script, which may run in a renderer the page has compromised.
 */
export type CallerKind = 'extension page' | 'embedded extension page' | 'content script';

export type Caller =
  | { kind: 'extension page' }
  | {
      kind: 'embedded extension page';
      /** Whether the document is the annotation editor's page (EDITOR_PAGE, no query). */
      editor: boolean;
      /**
       * The origin of the web page whose tab holds it, as the browser reports the tab
       * (`sender.tab.url`, http(s) only) when it is a frame inside that tab (`frameId` not 0);
       * else null.
       */
      tabOrigin: string | null;
    }
  | {
      kind: 'content script';
      /** The frame's URL as the browser reports it (`sender.url`): the only page it speaks for. */
      url: string;
      /** That URL's origin ("https://news.example"): the annotations it may read and write. */
      origin: string;
      /** That URL's host name, lower-case: the per-site switch it may read. */
      host: string;
    };

/** What the background is told about a message's sender (runtime.MessageSender, in part). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The sender's tab (runtime.MessageSender.tab): of it, only `url` is read. */
  tab?: unknown;
  /** 0 for a tab's top frame, another number for a frame inside it; set whenever `tab` is. */
  frameId?: number;
}

/**
 * The extension's pages that web pages may load (manifest.json `web_accessible_resources`):
 * paths from the extension's root. A page can put these in a frame, a tab or a window of its own
 * making, so wherever one of them is, it is an `embedded extension page`.
 */
export const WEB_ACCESSIBLE_PAGES: readonly string[] = [EDITOR_PAGE];

/**
 * Whether an extension document (its `sender.url` is of the extension's origin) is one a web page
 * holds, and gets an `embedded extension page`'s rights rather than the Library's:
 * - a web-accessible page (WEB_ACCESSIBLE_PAGES), wherever it is (callerOf also counts here
 *   any extension URL outside the extension's root: Chromium's per-session URL of such a page);
 * - a frame inside a tab (`frameId` not 0): no extension page frames another, so the tab's top
 *   document is a web page's (an extension page framed by the page, or inside one of its frames);
 * - a document in a tab whose top document is not the extension's (`tab.url`).
 * In no tab (the toolbar popup), or at the top of a tab showing an extension page (the Library),
 * it is an extension page. Chromium (156) and Firefox (ESR 153) report `frameId` for every sender
 * in a tab, and `tab.url` for the extension's own tabs and for the pages its content scripts run
 * in; either alone tells a framed editor from the Library. A sender in a tab without `frameId`
 * (no browser sends one) is taken for embedded: least rights when in doubt.
 */
function isEmbedded(sender: SenderInfo, url: string, extensionOrigin: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return true; // an extension URL that does not parse: give it nothing
  }
  if (WEB_ACCESSIBLE_PAGES.some((page) => path === `/${page}`)) return true;
  const tab = sender.tab as { url?: unknown } | null | undefined;
  if (tab === undefined || tab === null) return false;
  // Both browsers report `frameId` for every sender in a tab: one without it is not trusted.
  if (sender.frameId !== 0) return true;
  return typeof tab.url === 'string' && !tab.url.startsWith(extensionOrigin);
}

/**
 * The caller kind of a sender that carries this extension's id, or null when it is none of the
 * kinds (a sender without a URL, a frame that is neither ours nor an http(s) page). A sender of
 * another extension, or without an id, is `foreign`: the background does not answer it at all.
 *
 * `extensionOrigin` is runtime.getURL('') ("chrome-extension://<id>/", in Firefox
 * "moz-extension://<uuid>/"). `sender.tab` alone cannot tell the kinds apart: an extension
 * page open in a tab has one too, so the URL decides first, then where the document is
 * (isEmbedded). Web pages themselves cannot reach runtime.onMessage (the manifest declares no
 * externally_connectable); the id check is a second lock. The sender's fields are the browser's,
 * not the message's: a compromised renderer can send any message, but not claim another frame's
 * URL, frame id or tab.
 */
export function callerOf(
  sender: SenderInfo | undefined,
  extensionId: string,
  extensionOrigin: string,
): Caller | 'foreign' | null {
  if (sender === undefined || sender.id === undefined || sender.id !== extensionId) {
    return 'foreign';
  }
  const url = sender.url;
  if (typeof url !== 'string') return null;
  if (extensionOrigin !== '' && url.startsWith(extensionOrigin)) {
    return isEmbedded(sender, url, extensionOrigin)
      ? embeddedPage(sender, url)
      : { kind: 'extension page' };
  }
  // Our id, an extension URL, but not under the extension's root: a web-accessible page at the
  // per-session URL Chromium serves it from (`use_dynamic_url`). Only a page can hold one.
  if (/^(chrome|moz)-extension:/i.test(url)) return embeddedPage(sender, url);
  if (sender.tab === undefined || sender.tab === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return {
    kind: 'content script',
    url,
    origin: parsed.origin,
    host: parsed.hostname.toLowerCase(),
  };
}

/**
 * An embedded extension page, with what the background scopes its one request by: whether it is
 * the editor page, and the origin of the web page that frames it (both from the browser's sender).
 */
function embeddedPage(
  sender: SenderInfo,
  url: string,
): Extract<Caller, { kind: 'embedded extension page' }> {
  let editor = false;
  try {
    const parsed = new URL(url);
    editor =
      /^(chrome|moz)-extension:$/i.test(parsed.protocol) &&
      parsed.pathname === `/${EDITOR_PAGE}` &&
      parsed.search === '';
  } catch {
    editor = false;
  }
  let tabOrigin: string | null = null;
  const tabUrl = (sender.tab as { url?: unknown } | null | undefined)?.url;
  if (
    typeof sender.frameId === 'number' &&
    sender.frameId !== 0 &&
    typeof tabUrl === 'string' &&
    /^https?:\/\//i.test(tabUrl)
  ) {
    try {
      tabOrigin = new URL(tabUrl).origin;
    } catch {
      tabOrigin = null;
    }
  }
  return { kind: 'embedded extension page', editor, tabOrigin };
}

/** The answer to every request its caller may not make (or may not make with these fields). */
export function notAllowed(kind: CallerKind | 'unknown sender'): Failure {
  return { ok: false, error: `not allowed from ${kind}` };
}

// ---- Calls to the background ----------------------------------------------------------------

/** Each background request type: its request and its answer. */
export interface BackgroundCalls {
  'factmark/facts': { request: FactsRequest; answer: FactsAnswer };
  'factmark/facts-get': { request: FactsGetRequest; answer: FactsAnswer };
  'factmark/site-get': { request: SiteGetRequest; answer: SiteAnswer };
  'factmark/site-set': { request: SiteSetRequest; answer: SiteAnswer };
  'factmark/annotations': { request: AnnotationsRequest; answer: AnnotationsAnswer };
  'factmark/annotations-page': { request: AnnotationsPageRequest; answer: AnnotationsPageAnswer };
  'factmark/annotation-save': { request: AnnotationSaveRequest; answer: AnnotationSaveAnswer };
  'factmark/annotations-delete': {
    request: AnnotationsDeleteRequest;
    answer: AnnotationsDeleteAnswer;
  };
  'factmark/annotations-restore': {
    request: AnnotationsRestoreRequest;
    answer: AnnotationsRestoreAnswer;
  };
  'factmark/export': { request: ExportRequest; answer: ExportAnswer };
  'factmark/import': { request: ImportRequest; answer: ImportAnswer };
  'factmark/import-undo': { request: ImportUndoRequest; answer: ImportUndoAnswer };
  // The backup of everything (./backup-protocol.ts, ./backup-format.ts).
  'factmark/backup-export': { request: BackupExportRequest; answer: BackupExportAnswer };
  'factmark/backup-import': { request: BackupImportRequest; answer: BackupImportAnswer };
  'factmark/fact-save': { request: FactSaveRequest; answer: FactSaveAnswer };
  'factmark/fact-delete': { request: FactDeleteRequest; answer: OkAnswer };
  // A journalist's own story (./sources-protocol.ts).
  'factmark/sources': { request: SourcesRequest; answer: SourcesAnswer };
  'factmark/source-add': { request: SourceAddRequest; answer: SourceAnswer };
  'factmark/source-remove': { request: SourceRemoveRequest; answer: OkAnswer };
  'factmark/source-enable': { request: SourceEnableRequest; answer: SourceAnswer };
  'factmark/source-facts': { request: SourceFactsRequest; answer: SourceFactsAnswer };
  'factmark/entities': { request: EntitiesRequest; answer: EntitiesAnswer };
  'factmark/entity-save': { request: EntitySaveRequest; answer: EntityAnswer };
  'factmark/entity-remove': { request: EntityRemoveRequest; answer: OkAnswer };
  'factmark/entity-enable': { request: EntityEnableRequest; answer: EntityAnswer };
  // Desk sync (./sync-protocol.ts).
  'factmark/sync-set': { request: SyncSetRequest; answer: SyncSetAnswer };
  'factmark/sync-now': { request: SyncNowRequest; answer: SyncNowAnswer };
  'factmark/sync-status': { request: SyncStatusRequest; answer: SyncStatusAnswer };
  'factmark/sync-test': { request: SyncTestRequest; answer: SyncTestAnswer };
  'factmark/sync-conflicts': { request: SyncConflictsRequest; answer: SyncConflictsAnswer };
  'factmark/sync-resolve': { request: SyncResolveRequest; answer: OkAnswer };
  'factmark/share': { request: ShareRequest; answer: ShareAnswer };
  'factmark/desk-items': { request: DeskItemsRequest; answer: DeskItemsAnswer };
  'factmark/annotation-share': { request: AnnotationShareRequest; answer: AnnotationShareAnswer };
}

export type BackgroundRequestType = keyof BackgroundCalls;

/**
 * Who may send each background request. A content script's requests are then scoped by the
 * background to the origin of its own frame (src/background/scope.ts):
 * - `factmark/facts`: seed facts whole, users' facts as values and labels only (no source, no quote);
 * - `factmark/site-get`: its own host only;
 * - `factmark/annotations`: one page (`url` required) of its own origin;
 * - `factmark/annotation-save`: an annotation of its own origin, never replacing one of another,
 *   and never its desk switch: a new one is stored private, an existing one keeps its stored
 *   `shared` and `creator` whatever the request says;
 * - `factmark/annotations-delete`: ids of its own origin's annotations (others are skipped, as
 *   unknown ids are);
 * - `factmark/fact-save`: a new user's fact only (never replacing one), whose source URL is set by
 *   the background to the frame's own page;
 * - `factmark/entities`: the watched names that are on (the content script highlights them; the
 *   page can see which names are highlighted anyway).
 * Sources (the articles, their texts and quotes) and managing the watched names are the
 * Library's.
 * Everything else — every annotation of every page (at once or in pages), export, import and its
 * undo, restore, the backup of everything and restoring one, site switches, reading facts by id,
 * deleting facts — only the extension's own pages may ask.
 *
 * An `embedded extension page` (the annotation editor in a web page's tab) may send one request,
 * `factmark/annotation-share` — the journalist's "Shared with the desk" in the editor, which only
 * that extension document (never the content script) can say — and only as the editor page framed
 * into a web page's tab, for an annotation of that page's origin holding exactly what the
 * journalist saved in the editor (the background checks all three). Nothing else: whatever holds
 * it is a web page.
 */
export const BACKGROUND_CALLERS = {
  'factmark/facts': ['extension page', 'content script'],
  'factmark/facts-get': ['extension page'],
  'factmark/site-get': ['extension page', 'content script'],
  'factmark/site-set': ['extension page'],
  'factmark/annotations': ['extension page', 'content script'],
  'factmark/annotations-page': ['extension page'],
  'factmark/annotation-save': ['extension page', 'content script'],
  'factmark/annotations-delete': ['extension page', 'content script'],
  'factmark/annotations-restore': ['extension page'],
  'factmark/export': ['extension page'],
  'factmark/import': ['extension page'],
  'factmark/import-undo': ['extension page'],
  'factmark/backup-export': ['extension page'],
  'factmark/backup-import': ['extension page'],
  'factmark/fact-save': ['extension page', 'content script'],
  'factmark/fact-delete': ['extension page'],
  'factmark/sources': ['extension page'],
  'factmark/source-add': ['extension page'],
  'factmark/source-remove': ['extension page'],
  'factmark/source-enable': ['extension page'],
  'factmark/source-facts': ['extension page'],
  'factmark/entities': ['extension page', 'content script'],
  'factmark/entity-save': ['extension page'],
  'factmark/entity-remove': ['extension page'],
  'factmark/entity-enable': ['extension page'],
  // Desk sync: the desk's settings (the password), the state, sharing and conflicts are the
  // extension's pages' alone. A content script cannot share anything, not even through
  // factmark/annotation-save (its `shared` is not taken): the journalist decides in the popup,
  // the Library, or the annotation editor's frame (factmark/annotation-share).
  'factmark/sync-set': ['extension page'],
  'factmark/sync-now': ['extension page'],
  'factmark/sync-status': ['extension page'],
  'factmark/sync-test': ['extension page'],
  'factmark/sync-conflicts': ['extension page'],
  'factmark/sync-resolve': ['extension page'],
  'factmark/share': ['extension page'],
  'factmark/desk-items': ['extension page'],
  'factmark/annotation-share': ['embedded extension page'],
} as const satisfies { readonly [T in BackgroundRequestType]: readonly CallerKind[] };

export type CallersOf<T extends BackgroundRequestType> = (typeof BACKGROUND_CALLERS)[T][number];
export type RequestOf<T extends BackgroundRequestType> = BackgroundCalls[T]['request'];
export type AnswerOf<T extends BackgroundRequestType> = BackgroundCalls[T]['answer'];

/** The caller of a request of this type, once its kind is known to be allowed. */
export type CallerFor<T extends BackgroundRequestType> = Extract<Caller, { kind: CallersOf<T> }>;

/** The request types a caller of this kind may send. */
export type CallableBy<K extends CallerKind> = {
  [T in BackgroundRequestType]: K extends CallersOf<T> ? T : never;
}[BackgroundRequestType];

/** What a content script may send to the background: nothing else type-checks in its code. */
export type ContentScriptRequest = RequestOf<CallableBy<'content script'>>;

/** Whether a caller of this kind may send requests of this type at all. */
export function mayCall(kind: CallerKind, type: BackgroundRequestType): boolean {
  return (BACKGROUND_CALLERS[type] as readonly CallerKind[]).includes(kind);
}

export function isBackgroundRequestType(type: unknown): type is BackgroundRequestType {
  return typeof type === 'string' && Object.hasOwn(BACKGROUND_CALLERS, type);
}

/**
 * A typed sender: send a request, get its answer's type. `send` is runtime.sendMessage (whose
 * answer the browser types as any).
 */
export function ask<R extends BackgroundRequest>(
  send: (message: unknown) => Promise<unknown>,
  request: R,
): Promise<AnswerOf<R['type']>> {
  return send(request) as Promise<AnswerOf<R['type']>>;
}

// ---- Calls to the content script (tabs.sendMessage, from extension pages or the background) ---

/**
 * Each content-script request type: its request and its answer. Only the extension's own parts
 * can reach a content script (tabs.sendMessage is not available to content scripts or pages); the
 * content script still answers only senders carrying the extension's id.
 */
export interface ContentCalls {
  /** Contract (docs/contracts.md): the report, with the page's annotations. */
  'factmark/report': {
    request: ReportRequest;
    answer: Report & { annotations: ReportAnnotation[] };
  };
  'factmark/reveal': { request: RevealRequest; answer: OkAnswer };
  'factmark/site-enabled': { request: SiteSwitchNotice; answer: SiteAnswer };
  'factmark/stats': { request: StatsRequest; answer: ContentStats | null };
  'factmark/annotate': { request: AnnotateRequest; answer: { ok: boolean } };
  'factmark/reveal-annotation': { request: RevealAnnotationRequest; answer: { ok: boolean } };
  'factmark/annotations-changed': { request: AnnotationsChangedNotice; answer: { ok: true } };
  /** The page's visible text, title, URL and language, to add the page as a source. */
  'factmark/page-text': { request: PageTextRequest; answer: PageTextAnswer };
}

export type ContentRequestType = keyof ContentCalls;
export type ContentAnswerOf<T extends ContentRequestType> = ContentCalls[T]['answer'];
/** Any answer of the content script. */
export type ContentAnswer = ContentAnswerOf<ContentRequestType>;

// ---- The contract covers exactly the messages of ./messages.ts ------------------------------
// A request type added to a union there, and not here (or the other way round), fails to compile.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const backgroundCovered: Same<BackgroundRequest['type'], BackgroundRequestType> = true;
const backgroundRequests: Same<BackgroundRequest, RequestOf<BackgroundRequestType>> = true;
const contentCovered: Same<ContentRequest['type'], ContentRequestType> = true;
void [backgroundCovered, backgroundRequests, contentCovered];
