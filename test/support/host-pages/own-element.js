// The shop already has an element of its own called <feedback-prompt>: a link to its contact form.
class ShopFeedback extends HTMLElement {
  connectedCallback() {
    if (this.firstChild) return;
    const button = document.createElement('button');
    button.textContent = 'Contact us';
    button.addEventListener('click', () => this.setAttribute('clicked', String(Number(this.getAttribute('clicked') ?? 0) + 1)));
    this.append(button);
  }
}
customElements.define('feedback-prompt', ShopFeedback);
window.ShopFeedback = ShopFeedback;
