// Loaded by index.html before the app's modules: fetches the chunks of the screen this URL opens,
// and the API reads its route loaders make, together with the entry, instead of once the entry has
// run and the router has matched the URL.
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
  var preload = function (rel, href) {
    var link = document.createElement('link');
    link.rel = rel;
    if (rel === 'preload') link.as = 'fetch';
    // Anonymous: same-origin credentials, as the module scripts and the app's fetch use.
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  };
  for (var i = 0; i < routes.length; i++) {
    var match = new RegExp(routes[i].path).exec(location.pathname);
    if (!match) continue;
    for (var j = 0; j < routes[i].files.length; j++) preload('modulepreload', '/' + routes[i].files[j]);
    for (var k = 0; k < routes[i].fetch.length; k++) {
      preload(
        'preload',
        routes[i].fetch[k].replace(/\$(\d)/g, function (_, n) {
          return match[Number(n)] || '';
        }),
      );
    }
    return;
  }
})();
