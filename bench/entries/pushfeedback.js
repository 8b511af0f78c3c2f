// Variant (c1): PushFeedback, from its Stencil "custom elements" build (plain ESM, no lazy
// loader), bundled into one file. Registers <feedback-button>, <feedback-modal> and <canvas-editor>.
import { defineCustomElement } from 'pushfeedback/dist/components/feedback-button.js';

// PushFeedback fetches its project settings from app.pushfeedback.com on every page view. The
// page says fetch-data="false", but the button hands its properties to the modal in its
// connectedCallback, before Stencil has read the attributes, so the modal always fetches (and with
// an empty project id). The bench must not leave loopback: that one request goes to the bench
// server instead, which answers 200 "{}" at once, about what a reachable API would cost the page.
const API = 'https://app.pushfeedback.com/api/';
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith(API)) return realFetch(`${location.origin}/api/pushfeedback/${url.slice(API.length)}`, init);
  return realFetch(input, init);
};

defineCustomElement();
