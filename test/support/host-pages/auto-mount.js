// What a tag manager inserts: the classic script with its data-* configuration
// (the endpoint comes from ?endpoint=, as the receiver's port is only known at test time).
{
  const script = document.createElement('script');
  script.src = '/dist/feedback-prompt.iife.js';
  script.dataset.endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';
  script.dataset.site = 'tm';
  script.dataset.rating = '';
  script.dataset.topics = 'A,B';
  document.head.append(script);
}
