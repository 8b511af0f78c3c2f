import { LitElement } from 'lit';

/** Renders into the page itself (no shadow root): one external stylesheet styles everything, as the CSP asks. */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
