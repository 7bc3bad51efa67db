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
// - Embedded, the page's height goes to the parent frame whenever it changes
//   (a ResizeObserver on <html>), in the messages newsrooms' hosts read:
//   Pym.js (`pymxPYMx<childId>xPYMxheightxPYMx<px>`, and Pym's `width`
//   message is answered with the height), Datawrapper
//   (`{"datawrapper-height": {"<childId or counterclaim>": px}}`) and AMP
//   (`{sentinel: "amp", type: "embed-size", height: px}`). It starts before
//   the app, so the host sizes the frame at once, and goes on for the life
//   of the page: this is the page's only implementation of it.
// - Failure (the script or wasm cannot be fetched, compiled or instantiated,
//   an error during start-up, no start after 30 s, or a chunked build's
//   manifest that cannot be loaded — the app's `counterclaim-failed`): the notice is
//   shown, the rest of the list (the <noscript> continuation) is revealed,
//   and the reason goes to the console.
// - Camp colours: the editor's colours of `corpus.toml` come in
//   `<meta name="camp-colours" content="1:#2e8b57 3:#aa3300">` (camp position:
//   colour, each checked `#rrggbb` at build time) and override the palette's
//   `--cN` (and its tint) on <html> through the CSSOM, which the
//   Content-Security-Policy allows (it forbids `style` attributes).
// The app (src/main.rs) removes the static view and `data-boot` once it has
// mounted; Trunk's loader then dispatches `TrunkApplicationStarted`, which
// ends the failure watch (not the height messages).
(function () {
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  var flag = params.get('embed');
  var embedded = flag === '1' || flag === 'true' || flag === '';
  var id = params.get('childId');
  var named = 0;
  params.forEach(function (_, key) {
    if (key !== 'embed' && key !== 'childId') named = 1;
  });
  root.setAttribute('data-boot', named ? 'view' : 'list');
  if (embedded) root.setAttribute('data-embed', '');
  var colours = document.querySelector('meta[name=camp-colours]');
  (colours ? colours.content.split(' ') : []).forEach(function (pair) {
    var m = /^([0-7]):(#[0-9a-f]{6})$/.exec(pair);
    if (!m) return;
    root.style.setProperty('--c' + m[1], m[2]);
    root.style.setProperty('--c' + m[1] + '-tint', 'color-mix(in srgb, ' + m[2] + ' 22%, var(--bg))');
  });

  var done = 0; // 1: started, 2: failed
  var timer = setTimeout(fail, 30000, 'no start within 30 s');

  // Height messages to the parent frame.
  var parent = window.parent;
  var last = 0;
  function report(force) {
    var h = root.getBoundingClientRect().height;
    var px = h >= 1e6 ? 1e6 : Math.ceil(h) || 0;
    if (px <= 0 || (!force && px === last)) return;
    last = px;
    var dw = {};
    dw[id === null ? 'counterclaim' : id.replace(/[\u0000-\u001f]/g, '')] = px;
    if (id !== null) parent.postMessage('pymxPYMx' + id + 'xPYMxheightxPYMx' + px, '*');
    parent.postMessage({ 'datawrapper-height': dw }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: px }, '*');
  }
  function onMessage(e) {
    var p = typeof e.data === 'string' && e.data.split('xPYMx');
    if (e.source === parent && p && p.length === 4 && p[0] === 'pym' && p[1] === id && p[2] === 'width' && /^[0-9.]+$/.test(p[3])) report(1);
  }
  if (parent !== window) {
    if (window.ResizeObserver) new ResizeObserver(function () { report(); }).observe(root);
    addEventListener('message', onMessage);
  }

  function fail(reason) {
    if (done) return;
    done = 2;
    console.error('Counterclaim: the interactive explorer could not start:', reason);
    // A blocked request can fail while <head> is still being parsed: the
    // notice waits for the static view to exist.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showFailure);
    else showFailure();
  }
  function showFailure() {
    var view = document.getElementById('static-view');
    if (!view) return;
    while (view.nextElementSibling) view.nextElementSibling.remove(); // a half-mounted app
    // The rest of the list, as readers without JavaScript get it (build-time, escaped HTML).
    var rest = view.querySelector('noscript');
    if (rest) rest.insertAdjacentHTML('afterend', rest.textContent);
    root.setAttribute('data-boot', 'failed');
    view.querySelector('.boot-failed').hidden = false;
  }
  function onError(e) {
    var t = e.target;
    if (t === window || !t.tagName) fail(e.error || e.message);
    else if (/\.(js|wasm)$/.test(t.src || t.href)) fail('could not load ' + (t.src || t.href));
  }
  function onRejection(e) { fail(e.reason); }
  addEventListener('error', onError, true);
  addEventListener('unhandledrejection', onRejection);
  // A chunked build's app starts after fetching its manifest, and says so
  // when it cannot (src/main.rs).
  addEventListener('counterclaim-failed', function () {
    done = 0;
    fail('the corpus could not be loaded');
  });
  addEventListener('TrunkApplicationStarted', function () {
    done = done || 1;
    clearTimeout(timer);
    removeEventListener('error', onError, true);
    removeEventListener('unhandledrejection', onRejection);
  });

  // Embedded, in-page links keep the embed parameters; the "new tab" links
  // open this view outside the embed.
  if (embedded) document.addEventListener('DOMContentLoaded', function () {
    var keep = 'embed=1' + (id === null ? '' : '&childId=' + encodeURIComponent(id));
    params.delete('embed');
    params.delete('childId');
    document.querySelectorAll('#static-view a[href^="?"]').forEach(function (a) {
      var q = a.getAttribute('href').slice(1);
      a.setAttribute('href', a.target ? '?' + params : '?' + (q ? q + '&' : '') + keep);
    });
  });
})();
