/**
 * Every request in the browser, recorded three ways, so that a test can say the extension made none:
 *
 *  - Playwright's record: each request of a page, a frame or a service worker, as the DevTools
 *    protocol reports it (`context.on('request')` sees service-worker fetches in Chromium);
 *  - Chromium's network log (`--log-net-log`): each request the network service started, whoever
 *    asked for it, with the origin that initiated it; read once the browser has closed;
 *  - what the extension's content security policy refused before it became a request: the
 *    DevTools "issues" of every extension page and of the service worker, each attached as it
 *    appears (a restarted worker is a new target).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import type { Browser } from './extension';

/** A request as Playwright saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  /** The service worker that made it, or the page its frame belongs to ('' for neither). */
  by: string;
  fromServiceWorker: boolean;
  navigation: boolean;
}

/** A request as Chromium's network log has it. */
export interface LoggedRequest {
  url: string;
  method: string;
  /** The origin that initiated it ("http://127.0.0.1:4000", "chrome-extension://…"), or null for the browser itself. */
  initiator: string | null;
  /** "main frame", "sub frame", "other"… */
  type: string;
}

/** Something the content security policy refused to load or connect to. */
export interface RefusedLoad {
  /** The extension page or worker that tried. */
  by: string;
  url: string;
  directive: string;
}

export interface RequestRecord {
  /** Requests Playwright saw, so far. */
  readonly seen: SeenRequest[];
  /** Loads and connections the extension's CSP refused, so far. */
  readonly refused: RefusedLoad[];
  /** Chromium's network log: complete once the browser has closed. */
  logged(): LoggedRequest[];
}

/** Chromium flags that make it write its network log to `path`. */
export const netLogArgs = (path: string): string[] => [`--log-net-log=${path}`, '--net-log-capture-mode=Default'];

export async function recordRequests(browser: Browser, netLog: string): Promise<RequestRecord> {
  const seen: SeenRequest[] = [];
  browser.context.on('request', (request) => {
    const worker = request.serviceWorker();
    let by = worker?.url() ?? '';
    if (worker === null) {
      try {
        by = request.frame().page().url();
      } catch {
        // A request of no page (Playwright has no frame for it): `by` stays empty.
      }
    }
    seen.push({ url: request.url(), method: request.method(), by, fromServiceWorker: worker !== null, navigation: request.isNavigationRequest() });
  });
  const refused = await watchRefusedLoads(browser);
  return { seen, refused, logged: () => readNetLog(netLog) };
}

async function watchRefusedLoads(browser: Browser): Promise<RefusedLoad[]> {
  const refused: RefusedLoad[] = [];
  const chromium = browser.context.browser();
  if (chromium === null) throw new Error('no browser-level DevTools session for this context');
  const cdp: CDPSession = await chromium.newBrowserCDPSession();
  const ours = `chrome-extension://${browser.extensionId}/`;
  /** Sessions by target id, and the target's URL by session. */
  const attached = new Map<string, string>();
  const urlOf = new Map<string, string>();
  let messageId = 0;
  const send = (sessionId: string, method: string) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++messageId, method, params: {} }) }).catch(() => {
      // The target went away meanwhile (a page closed, the worker stopped).
    });

  const attach = async (target: { targetId: string; url: string; type: string }) => {
    if (!target.url.startsWith(ours) || attached.has(target.targetId)) return;
    attached.set(target.targetId, '');
    try {
      // Not flattened: Playwright's session has no way to address a flattened child session.
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      attached.set(target.targetId, sessionId);
      urlOf.set(sessionId, target.url);
      await send(sessionId, 'Audits.enable');
    } catch {
      attached.delete(target.targetId);
    }
  };

  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const parsed = JSON.parse(message) as { method?: string; params?: { issue?: CspIssue } };
    const details = parsed.params?.issue?.details?.contentSecurityPolicyIssueDetails;
    if (parsed.method !== 'Audits.issueAdded' || details === undefined) return;
    refused.push({ by: urlOf.get(sessionId ?? '') ?? '', url: details.blockedURL ?? '(inline)', directive: details.violatedDirective });
  });
  cdp.on('Target.detachedFromTarget', ({ targetId }) => {
    if (targetId !== undefined) attached.delete(targetId);
  });
  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => void attach(targetInfo));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  for (const target of (await cdp.send('Target.getTargets')).targetInfos) await attach(target);
  return refused;
}

interface CspIssue {
  code: string;
  details?: { contentSecurityPolicyIssueDetails?: { blockedURL?: string; violatedDirective: string } };
}

/**
 * The requests of a Chromium network log. The log is complete once the browser has closed; a log
 * cut short (a crash) lacks its closing brackets and is read up to its last whole event.
 */
export function readNetLog(path: string): LoggedRequest[] {
  if (!existsSync(path)) throw new Error(`Chromium wrote no network log at ${path}`);
  const text = readFileSync(path, 'utf8');
  let log: NetLog;
  try {
    log = JSON.parse(text) as NetLog;
  } catch {
    log = JSON.parse(`${text.slice(0, text.lastIndexOf('}') + 1)}]}`) as NetLog;
  }
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const begin = log.constants.logEventPhase.PHASE_BEGIN;
  const requests: LoggedRequest[] = [];
  for (const event of log.events) {
    if (event.type !== startJob || event.phase !== begin || typeof event.params?.url !== 'string') continue;
    const initiator = event.params.initiator;
    requests.push({
      url: event.params.url,
      method: event.params.method ?? '',
      initiator: typeof initiator === 'string' && initiator !== 'not an origin' ? initiator : null,
      type: event.params.request_type ?? '',
    });
  }
  return requests;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number>; logEventPhase: Record<string, number> };
  events: { type: number; phase: number; params?: { url?: string; method?: string; initiator?: string; request_type?: string } }[];
}
