// Start-up script of the static opening view. scripts/postbuild.mjs minifies
// it, inlines it into <head> and hashes it into the Content-Security-Policy.
// It runs before the first paint and until the WebAssembly app has started:
//
// - `data-boot` on <html>: "list" (show the static list), "view" (the URL
//   names an event, a filter or another view: show the header and the
//   loading state, never the default list), "failed" (the app could not
//   start: the static list and a notice). The stylesheet does the rest.
// - `data-embed` on <html> when embedded (`embed=1`), as the app sets it,
//   so the compact header applies from the first paint.
// - Embedded, the page's height goes to the parent frame in the messages of
//   src/embed/protocol.rs (Pym.js, Datawrapper, AMP), and Pym's `width`
//   message is answered, so the host sizes the frame before the app starts.
// - Failure (the script or wasm cannot be fetched, compiled or instantiated,
//   an error during start-up, or no start after TIMEOUT_MS): the notice is
//   shown and the reason goes to the console.
// The app (src/main.rs) removes the static view and `data-boot` once it has
// mounted; Trunk's loader then dispatches `TrunkApplicationStarted`, which
// ends this script's work.
(function () {
  var TIMEOUT_MS = 30000;
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  var flag = params.get('embed');
  var embedded = flag === '1' || flag === 'true' || flag === '';
  var childId = params.get('childId');
  var named = false;
  params.forEach(function (_, key) {
    if (key !== 'embed' && key !== 'childId' && key.indexOf('utm_') !== 0) named = true;
  });
  root.setAttribute('data-boot', named ? 'view' : 'list');
  if (embedded) root.setAttribute('data-embed', '');

  var started = false;
  var failed = false;
  var timer = setTimeout(function () {
    fail('the explorer did not start within ' + TIMEOUT_MS / 1000 + ' s');
  }, TIMEOUT_MS);

  // --- height messages to the parent frame (src/embed/protocol.rs) ---
  var parent = window.parent;
  var framed = parent && parent !== window;
  var observer = null;
  var last = 0;
  function report(force) {
    var h = root.getBoundingClientRect().height;
    var px = !(h > 0) ? 0 : h >= 1e6 ? 1e6 : Math.ceil(h);
    if (px === 0 || (!force && px === last)) return;
    last = px;
    if (childId !== null) parent.postMessage('pymxPYMx' + childId + 'xPYMxheightxPYMx' + px, '*');
    var key = (childId === null ? 'counterclaim' : childId).replace(/[\u0000-\u001f]/g, '');
    var dw = {};
    dw[key] = px;
    parent.postMessage({ 'datawrapper-height': dw }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: px }, '*');
  }
  function onMessage(e) {
    if (e.source !== parent || typeof e.data !== 'string' || childId === null) return;
    var p = e.data.split('xPYMx');
    if (p.length === 4 && p[0] === 'pym' && p[1] === childId && p[2] === 'width' && /^[0-9.]+$/.test(p[3])) report(true);
  }
  if (framed) {
    if (window.ResizeObserver) {
      observer = new ResizeObserver(function () { report(false); });
      observer.observe(root);
    }
    addEventListener('message', onMessage);
  }

  // --- the app starting, or not ---
  function stop() {
    clearTimeout(timer);
    if (observer) observer.disconnect();
    removeEventListener('message', onMessage);
    removeEventListener('error', onError, true);
    removeEventListener('unhandledrejection', onRejection);
  }
  function fail(reason) {
    if (started || failed) return;
    failed = true;
    console.error('Counterclaim: the interactive explorer could not start: ' + reason);
    var view = document.getElementById('static-view');
    if (!view) return; // the app had already taken over
    while (view.nextElementSibling) view.nextElementSibling.remove(); // a half-mounted app
    root.setAttribute('data-boot', 'failed');
    var notice = view.querySelector('.boot-failed');
    if (notice) notice.hidden = false;
    clearTimeout(timer);
  }
  function onError(e) {
    if (e.target && e.target !== window && e.target.tagName) {
      var url = e.target.src || e.target.href || '';
      if (/\.(js|wasm)$/.test(url)) fail('could not load ' + url);
      return;
    }
    fail(e.error || e.message || 'an error during start-up');
  }
  function onRejection(e) {
    fail(e.reason || 'an error during start-up');
  }
  addEventListener('error', onError, true);
  addEventListener('unhandledrejection', onRejection);
  addEventListener('TrunkApplicationStarted', function () {
    started = true;
    stop();
  });

  // Embedded, in-page links keep the embed parameters, and the notice's
  // link opens this view outside the embed.
  document.addEventListener('DOMContentLoaded', function () {
    if (!embedded) return;
    var keep = 'embed=1' + (childId === null ? '' : '&childId=' + encodeURIComponent(childId));
    var links = document.querySelectorAll('#static-view a[href^="?"]:not([target])');
    for (var i = 0; i < links.length; i++) {
      var q = links[i].getAttribute('href').slice(1);
      links[i].setAttribute('href', '?' + (q ? q + '&' : '') + keep);
    }
    params.delete('embed');
    params.delete('childId');
    var full = '?' + params.toString();
    var outs = document.querySelectorAll('#static-view a[target="_blank"]');
    for (var j = 0; j < outs.length; j++) outs[j].setAttribute('href', full);
  });
})();
