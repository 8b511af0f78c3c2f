import { css } from './css.js';

export const styles = css`
  :host {
    --_accent: var(--feedback-prompt-accent, #1d5bbf);
    --_bg: var(--feedback-prompt-background, #fff);
    --_text: var(--feedback-prompt-text, #1c1c21);
    --_muted: color-mix(in srgb, var(--_text) 72%, var(--_bg));
    --_line: color-mix(in srgb, var(--_text) 45%, var(--_bg));
    --_radius: var(--feedback-prompt-radius, 12px);
    --_font: var(--feedback-prompt-font, 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_z: var(--feedback-prompt-z-index, 2147483000);
    --_on-accent: #fff;
  }
  /* The page's CSS reaches the host element only; everything inside starts from a clean slate. */
  .root {
    all: initial;
    display: block;
    font: var(--_font);
    color: var(--_text);
    -webkit-text-size-adjust: 100%;
  }
  /* No pseudo-elements and no [hidden] here: the templates draw neither. */
  * {
    box-sizing: border-box;
  }
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='launcher'],
  [part='submit'],
  .primary,
  .secondary {
    min-height: 44px;
    padding: 0 18px;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  [part='submit'],
  .primary {
    margin-inline-start: auto;
  }
  [part='launcher'] {
    position: fixed;
    bottom: 16px;
    right: 16px;
    z-index: var(--_z);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  }
  .start [part='launcher'],
  .start [part='panel'] {
    right: auto;
    left: 16px;
  }
  /*
   * A column whose one flexible item is the answer field: on a short screen the field gives way,
   * never Send. viewport.ts sets --_bottom and --_max from the visual viewport (so an
   * on-screen keyboard pushes the panel up and shortens it); the fallbacks are for browsers without it.
   */
  [part='panel'] {
    position: fixed;
    bottom: var(--_bottom, 76px);
    right: 16px;
    z-index: var(--_z);
    display: flex;
    flex-direction: column;
    width: min(380px, calc(100vw - 32px));
    /* 100%: the viewport, or a box that contains fixed elements (a transformed preview frame). */
    max-height: min(100% - 92px, var(--_max, 100dvh));
    overflow: auto;
    /* A field scrolled into view stops above Send's sticky row, not under it. */
    scroll-padding-bottom: 80px;
    padding: 20px 20px 0;
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    animation: rise 0.18s ease-out;
  }
  /* With the on-screen keyboard open (viewport.ts): the field and Send, not the words around them. */
  .kb #intro {
    display: none;
  }
  .inline [part='panel'] {
    position: static;
    width: auto;
    max-height: none;
    box-shadow: none;
    animation: none;
  }
  /* The form's fields are the panel's own flex items, so the answer field can give way. */
  form {
    display: contents;
  }
  [part='panel'] > *,
  form > * {
    flex-shrink: 0;
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='panel'] {
      animation: none;
    }
  }
  [part='heading'] {
    margin: 0 0 8px;
    margin-inline-end: 44px;
    font-size: 1.25em;
    line-height: 1.3;
  }
  /* Fingers need 44px; the box is invisible (no background, no border), so it costs no looks. */
  .close {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    width: 44px;
    height: 44px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    font-size: 24px;
    line-height: 1;
    cursor: pointer;
  }
  /*
   * Vertical rhythm: 16px before each labelled field, 6px from a label to its field, 8px from a
   * field to the line under it (past the 5px the focus ring takes), 12px after a paragraph.
   */
  p {
    margin: 0 0 12px;
  }
  .hint,
  .count,
  .ends {
    color: var(--_muted);
    font-size: 0.9em;
  }
  label,
  legend {
    display: block;
    margin: 16px 0 6px;
    font-weight: 600;
  }
  textarea + .count,
  input + .hint,
  .error {
    margin: 8px 0 0;
  }
  /* Empty until the customer nears the limit; present all along, so its first words are announced. */
  .count:empty {
    margin: 0;
  }
  textarea,
  input,
  select {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--_line);
    border-radius: 8px;
    background: var(--_bg);
  }
  textarea {
    min-height: 120px;
    resize: vertical;
  }
  [part='textarea'] {
    flex: 1 1 120px;
    min-height: 76px;
  }
  [aria-invalid='true'],
  .error {
    border-color: #c62828;
    color: #c62828;
  }
  /* One dark block, after every rule it overrides (a second block costs bytes on every page). */
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--feedback-prompt-accent, #8cb4ff);
      --_bg: var(--feedback-prompt-background, #1d1e23);
      --_text: var(--feedback-prompt-text, #f0f0f3);
      --_on-accent: #000;
    }
    [aria-invalid='true'],
    .error {
      border-color: #ff8a80;
      color: #ff8a80;
    }
  }
  fieldset,
  legend {
    margin: 16px 0 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin: 0 0 6px;
  }
  [part='heading']:focus {
    outline: none;
  }
  .scale {
    display: flex;
    gap: 6px;
  }
  .scale label {
    margin: 0;
    flex: 1;
    display: grid;
    place-items: center;
    min-height: 44px;
    border: 1px solid var(--_line);
    border-radius: 8px;
    cursor: pointer;
  }
  .scale input {
    position: absolute;
    opacity: 0;
    width: 1px;
    min-height: 0;
  }
  .scale input:checked + span {
    font-weight: 700;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    margin-top: 6px;
  }
  .scale label:has(input:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .scale label:has(input:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* Send's row stays in sight at the panel's foot while the rest scrolls (a last resort: the answer field shrinks first). */
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-top: 16px;
    padding-bottom: 20px;
    background: var(--_bg);
  }
  .root:not(.inline) .row {
    position: sticky;
    bottom: 0;
  }
  .secondary {
    background: transparent;
    color: var(--_text);
  }
  /* After sending: side by side where both fit, else each on a line of its own, the full width. */
  .primary,
  .secondary {
    flex: 1 1 auto;
  }
  /* In the scrolling part, not Send's pinned row: on a narrow phone it would wrap there and make the row tall. */
  .privacy {
    margin: 16px 0 0;
  }
  a {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    color: inherit;
  }
  /* A fingertip needs 44px; a mouse pointer 24. */
  @media (pointer: coarse) {
    a {
      min-height: 44px;
    }
  }
  .status {
    margin: 4px 0 12px;
  }
  /* Empty but present: a live region must be in the accessibility tree before its first message. */
  .status:empty {
    margin: 0;
  }
  /* Clipped in place rather than pushed off-screen, which in right-to-left panels scrolls sideways. */
  .trap,
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
