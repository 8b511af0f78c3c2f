// The shop's own component, written years ago with Lit 2 (installed as the alias "lit-2";
// the test server resolves the bare imports inside it).
import { LitElement, html, css } from '/node_modules/lit-2/index.js';

class OldWidget extends LitElement {
  static properties = { count: { type: Number } };
  static styles = css`
    button { padding: 8px 16px; border: 2px solid #2d4a3e; background: #fff; }
  `;
  constructor() {
    super();
    this.count = 0;
  }
  render() {
    return html`<button @click=${() => this.count++}>In your basket: ${this.count}</button>`;
  }
}
customElements.define('old-widget', OldWidget);
