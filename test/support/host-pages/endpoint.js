// The receiver's port is only known at test time: copy ?endpoint= from the page's address onto
// every <feedback-prompt> already in the markup (runs before the deferred widget module).
{
  const endpoint = new URLSearchParams(location.search).get('endpoint');
  if (endpoint) for (const el of document.querySelectorAll('feedback-prompt')) el.setAttribute('endpoint', endpoint);
}
