import net from 'node:net';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS } from '../scripts/find-browser.js';
import { CPU_RATE, LOAD_TIMEOUT_MS, WINDOW_MS } from './config.js';

export async function startProxySink() {
  // Chrome sends every non-loopback request to this "proxy", which counts and drops it.
  const sink = { connections: 0, targets: new Set() };
  const server = net.createServer((socket) => {
    sink.connections++;
    socket.once('data', (chunk) => {
      const [method, target] = chunk.toString('latin1').split('\r\n')[0].split(' ');
      sink.targets.add(`${method} ${target}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
    socket.setTimeout(2000, () => socket.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = server.address().port;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}


export function launchBrowser(chrome, sink) {
  return puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: [
      ...CHROME_ARGS,
      // Loopback always bypasses a proxy; everything else goes to the sink and dies there.
      `--proxy-server=http://127.0.0.1:${sink.port}`,
      // Fewer of Chromium's own calls home (Debian's build still tries update and accounts hosts).
      '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication',
    ],
  });
}

/** Runs in every new document before any of its scripts: observers and the launcher watch. */
const OBSERVERS = `(() => {
  if (window.__bench) return;
  const HOSTS = 'feedback-prompt, feedback-button, #sentry-feedback';
  const b = window.__bench = { longTasks: [], longFrameScripts: {}, longFrameForced: {}, cls: 0, widgetCls: 0, shifts: 0, visibleAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // Long animation frames name the scripts that ran in them: script time by file, long frames only.
  try {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries()) {
        if (frame.blockingDuration <= 0) continue;
        for (const s of frame.scripts) {
          const file = s.sourceURL ? s.sourceURL.split('?')[0].split('/').pop() || '(page)' : '(inline or unknown)';
          b.longFrameScripts[file] = (b.longFrameScripts[file] || 0) + s.duration;
          b.longFrameForced[file] = (b.longFrameForced[file] || 0) + (s.forcedStyleAndLayoutDuration || 0);
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        b.cls += e.value;
        b.shifts++;
        // A shift is the widget's when one of the boxes that moved is its host or inside it.
        const widget = (node) => node && node.nodeType === 1 && !!(node.closest(HOSTS) || node.getRootNode().host);
        if (e.sources.some((s) => widget(s.node))) b.widgetCls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  // The launcher: feedback-prompt's [part=launcher], PushFeedback's button, Sentry's actor.
  // The same cheap query runs on every frame in every variant (the baseline too) until the stop
  // time, so its cost cancels out of "added script time".
  const LAUNCHERS = { 'FEEDBACK-PROMPT': '[part=launcher]', 'FEEDBACK-BUTTON': '.feedback-button-content', DIV: '.widget__actor' };
  const STOP = ${WINDOW_MS + 20_000};
  let done;
  b.visible = new Promise((resolve) => (done = resolve));
  const tick = () => {
    const host = document.querySelector(HOSTS);
    if (b.visibleAt === null && host && host.shadowRoot) {
      const launcher = host.shadowRoot.querySelector(LAUNCHERS[host.tagName]);
      const box = launcher && launcher.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) done((b.visibleAt = performance.now()));
    }
    if (performance.now() < STOP) requestAnimationFrame(tick);
    else done(b.visibleAt);
  };
  requestAnimationFrame(tick);
})();`;

export async function openPage(browser, origin) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.setDefaultTimeout(LOAD_TIMEOUT_MS);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  const requests = new Map();
  const external = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, method: e.request.method, encoded: 0, done: false });
    const { protocol, hostname } = new URL(e.request.url);
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') external.push(e.request.url);
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { encoded: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { failed: e.errorText, done: true });
  });
  await page.evaluateOnNewDocument(OBSERVERS);
  return { context, page, cdp, requests, external };
}
