// Kettle & Crumb: the demo shop's only script (a module, so it runs after the page is parsed).
// A tiny cart counter, and the page context the feedback prompt sends with every answer.

const count = document.getElementById('cart-count');
const unit = document.getElementById('cart-unit');
const status = document.getElementById('cart-status');
const prompt = document.querySelector('feedback-prompt');

let cartItems = 0;

/** What the feedback prompt sends along with an answer: set once the element is defined. */
function updateContext() {
  if (!prompt) return;
  customElements.whenDefined('feedback-prompt').then(() => {
    prompt.context = { pageType: 'home', cartItems };
  });
}

function addToCart(button) {
  cartItems += 1;
  count.textContent = String(cartItems);
  unit.textContent = cartItems === 1 ? 'item' : 'items';
  count.classList.remove('bump');
  void count.offsetWidth; // restart the animation
  count.classList.add('bump');

  const name = button.closest('.product')?.querySelector('h3')?.textContent ?? 'Item';
  status.textContent = `${name} added. ${cartItems} ${cartItems === 1 ? 'item' : 'items'} in your cart.`;

  const label = button.firstChild;
  button.classList.add('added');
  label.textContent = 'Added';
  clearTimeout(button.resetTimer);
  button.resetTimer = setTimeout(() => {
    button.classList.remove('added');
    label.textContent = 'Add to cart';
  }, 1600);

  updateContext();
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.add') : null;
  if (button) addToCart(button);
});

updateContext();
