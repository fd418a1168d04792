// Loaded by index.html before the app's modules: fetches the chunks of the screen this URL opens
// together with the entry, instead of once the entry has run and the router has matched the URL.
// The build writes which files each URL pattern needs, as JSON, into <meta name="route-preload">
// (scripts/vite-route-preload.ts); without it (the dev server) this does nothing.
(function () {
  var data = document.querySelector('meta[name="route-preload"]');
  if (!data) return;
  var routes;
  try {
    routes = JSON.parse(data.getAttribute('content') || '[]');
  } catch {
    return;
  }
  for (var i = 0; i < routes.length; i++) {
    if (!new RegExp(routes[i].path).test(location.pathname)) continue;
    for (var j = 0; j < routes[i].files.length; j++) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = '/' + routes[i].files[j];
      document.head.appendChild(link);
    }
    return;
  }
})();
