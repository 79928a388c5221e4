// Care's service worker (scope /care/): keeps the shell, the visit forms and today's list for a
// village without signal. Pages are fetched from the network first and fall back to the copy kept
// here; copies older than 24 hours are not served, and the page clears them all at logout. It
// never sees a password or a token: the queue of finished visits lives in the page's IndexedDB.
'use strict';
var CACHE = 'wushe-care-v1';
var MAX_AGE_MS = 24 * 60 * 60 * 1000;

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'clear') {
    event.waitUntil(caches.delete(CACHE));
  } else if (data.type === 'keep' && Array.isArray(data.urls)) {
    event.waitUntil(Promise.all(data.urls.map(function (url) {
      return fetch(url, {credentials: 'same-origin'}).then(function (response) { return keep(new Request(url), response); })
        .catch(function () { return null; });
    })));
  }
});

function cacheable(request) {
  if (request.method !== 'GET') { return false; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return false; }
  return url.pathname === '/care' || url.pathname.indexOf('/care/') === 0 && url.pathname !== '/care/sw.js'
    || url.pathname.indexOf('/js/') === 0 || url.pathname.indexOf('/css/') === 0 || url.pathname.indexOf('/webjars/') === 0;
}

function keep(request, response) {
  if (!response || !response.ok || response.redirected || response.type !== 'basic') { return Promise.resolve(response); }
  var copy = response.clone();
  return copy.blob().then(function (body) {
    var headers = new Headers(copy.headers);
    headers.set('x-wushe-kept-at', String(Date.now()));
    return caches.open(CACHE).then(function (cache) {
      return cache.put(request, new Response(body, {status: copy.status, statusText: copy.statusText, headers: headers}));
    });
  }).then(function () { return response; });
}

function kept(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (response) {
      var at = response && Number(response.headers.get('x-wushe-kept-at'));
      if (response && Date.now() - at < MAX_AGE_MS) { return response; }
      if (response) { cache.delete(request); }
      return Response.error();
    });
  });
}

self.addEventListener('fetch', function (event) {
  if (!cacheable(event.request)) { return; }
  event.respondWith(fetch(event.request).then(function (response) {
    return keep(event.request, response);
  }).catch(function () { return kept(event.request); }));
});
