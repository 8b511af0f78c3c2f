// What a server that issues nonces does: tell Lit the page's style nonce before the widget loads.
window.litNonce = 'c2hvcC1ub25jZQ';
