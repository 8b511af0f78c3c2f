import { css } from 'lit';

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
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
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
  [part='submit'] {
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
  [part='panel'] {
    position: fixed;
    bottom: 76px;
    right: 16px;
    z-index: var(--_z);
    width: min(380px, calc(100vw - 32px));
    max-height: calc(100vh - 96px);
    overflow: auto;
    padding: 20px;
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    animation: rise 0.18s ease-out;
  }
  .inline [part='panel'] {
    position: static;
    width: auto;
    max-height: none;
    box-shadow: none;
    animation: none;
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
    margin: 0 40px 8px 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .rtl [part='heading'] {
    margin: 0 0 8px 40px;
  }
  .close {
    position: absolute;
    top: 12px;
    right: 12px;
    width: 36px;
    height: 36px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    font-size: 24px;
    line-height: 1;
    cursor: pointer;
  }
  .rtl .close {
    right: auto;
    left: 12px;
  }
  p {
    margin: 0 0 12px;
  }
  .hint,
  .count {
    color: var(--_muted);
    font-size: 0.9em;
  }
  label,
  legend {
    display: block;
    margin: 12px 0 4px;
    font-weight: 600;
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
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin: 12px 0 4px;
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
  .scale label:has(input:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .scale label:has(input:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-top: 12px;
  }
  .secondary {
    background: transparent;
    color: var(--_text);
  }
  a {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    color: inherit;
  }
  .status {
    margin: 4px 0 12px;
  }
  /* Empty but present: a live region must be in the accessibility tree before its first message. */
  .status:empty {
    margin: 0;
  }
  /* Clipped in place rather than pushed off-screen, which in right-to-left panels scrolls sideways. */
  .trap {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
