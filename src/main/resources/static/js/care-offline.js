// Offline visits (离线走访): a visit finished without signal is queued in IndexedDB under the signed-in
// user's id and sent when the phone is online again, with the session cookie, the CSRF token of the
// current page and the visit's client UUID as Idempotency-Key (a resend returns the first visit).
// On 401 the queue waits for sign-in; refusals stay on the phone with their reasons. Nothing here
// keeps a password or a token.
(function () {
  'use strict';
  var root = document.querySelector('[data-care-user]');
  if (!root || !window.indexedDB) { return; }
  var user = root.getAttribute('data-care-user');
  var status = document.getElementById('care-queue');
  var waitingForSignIn = false;

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(root.getAttribute('data-care-sw'), {scope: root.getAttribute('data-care-scope')})
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        var urls = Array.prototype.map.call(document.querySelectorAll('[data-care-keep]'), function (a) { return a.href; });
        if (urls.length && registration.active) { registration.active.postMessage({type: 'keep', urls: urls}); }
      }).catch(function () { /* no service worker: the queue still works while the page is open */ });
  }

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open('wushe-care', 1);
      request.onupgradeneeded = function () { request.result.createObjectStore('visits', {keyPath: 'key'}); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function store(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction('visits', mode);
        var result = work(tx.objectStore('visits'));
        tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function mine() {
    return store('readonly', function (s) { return s.getAll(); }).then(function (all) {
      return (all || []).filter(function (item) { return item.user === user; });
    });
  }

  function show() {
    if (!status) { return Promise.resolve(); }
    return mine().then(function (items) {
      var queued = items.filter(function (i) { return i.state === 'queued'; }).length;
      var refused = items.filter(function (i) { return i.state === 'refused'; });
      var lines = [];
      if (queued) {
        lines.push(waitingForSignIn ? '登录已过期：重新登录后自动上传手机上的 ' + queued + ' 条走访。'
          : '手机上有 ' + queued + ' 条走访待上传，联网后自动上传。');
      }
      refused.forEach(function (i) { lines.push('未能上传（' + i.name + '）：' + i.reason); });
      status.textContent = lines.join(' ');
      status.hidden = lines.length === 0;
    });
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? [header.content, token.content] : null;
  }

  function send(item) {
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': item.key};
    var token = csrf();
    if (token) { headers[token[0]] = token[1]; }
    return fetch('/api/v1/care/people/' + item.person + '/visits', {method: 'POST', credentials: 'same-origin',
      headers: headers, body: JSON.stringify(item.body)}).then(function (response) {
      if (response.status === 201 || response.ok) {
        return store('readwrite', function (s) { return s.delete(item.key); });
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        // signed out, or a page kept from before the sign-in whose CSRF token is stale: wait for a fresh page
        if (response.status === 401 || /\/csrf$/.test(problem.type || '')) {
          waitingForSignIn = true;
          throw new Error('sign-in');
        }
        var reason = problem.errors && problem.errors.length ? problem.errors[0].message : (problem.detail || response.status);
        item.state = 'refused';
        item.reason = String(reason);
        return store('readwrite', function (s) { return s.put(item); });
      });
    });
  }

  var flushing = null;
  function flush() {
    if (flushing) { return flushing; }
    if (!navigator.onLine) { return show(); }
    waitingForSignIn = false;
    flushing = mine().then(function (items) {
      return items.filter(function (i) { return i.state === 'queued'; }).reduce(function (chain, item) {
        return chain.then(function () { return send(item); });
      }, Promise.resolve());
    }).catch(function () { /* offline again or signed out: try at the next chance */ })
      .then(function () { flushing = null; return show(); });
    return flushing;
  }

  var form = document.getElementById('visit-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      if (navigator.onLine) { return; }
      event.preventDefault();
      var body = {visitedAt: new Date().toISOString()};
      ['health', 'finances', 'support', 'home', 'needs'].forEach(function (field) {
        var checked = form.querySelector('input[name="' + field + '"]:checked');
        if (checked) { body[field] = checked.value; }
      });
      var notes = form.querySelector('[name="notes"]');
      if (notes && notes.value.trim()) { body.notes = notes.value.trim(); }
      var kind = form.querySelector('[name="assistKind"]');
      if (kind && kind.value) {
        var value = form.querySelector('[name="valueYuan"]').value.trim();
        body.assists = [{kind: kind.value, description: form.querySelector('[name="description"]').value,
          resourceKind: form.querySelector('[name="resourceKind"]').value || null,
          providerText: form.querySelector('[name="providerText"]').value || null, valueYuan: value ? Number(value) : null}];
      }
      var item = {key: window.crypto.randomUUID(), user: user, person: form.getAttribute('data-person'),
        name: form.getAttribute('data-name'), body: body, state: 'queued'};
      store('readwrite', function (s) { return s.put(item); }).then(function () {
        window.location.href = root.getAttribute('data-care-home');
      });
    });
  }

  document.addEventListener('submit', function (event) {
    var action = event.target.getAttribute('action') || '';
    if (/\/logout$/.test(action) && navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({type: 'clear'});
    }
  });
  window.addEventListener('online', flush);
  window.addEventListener('offline', show);
  window.wusheCareFlush = flush;
  flush();
})();
