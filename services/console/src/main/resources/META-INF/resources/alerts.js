// The alerts page's live feed: each event from /alerts/stream is a rendered list item ("alert") or an
// "also in" line for an alert on the page ("copy"). Without this script the page still lists the alerts.
(function () {
  var list = document.getElementById('alerts');
  if (!list || !window.EventSource) return;
  var feed = new EventSource('/alerts/stream?after=' + encodeURIComponent(list.dataset.after || '0'));
  function element(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }
  feed.addEventListener('alert', function (event) {
    var item = element(event.data);
    if (!item || document.getElementById(item.id)) return;
    list.insertBefore(item, list.firstElementChild);
    var none = document.getElementById('no-alerts');
    if (none) none.remove();
  });
  feed.addEventListener('copy', function (event) {
    var line = element(event.data);
    var alert = line && document.getElementById('alert-' + line.dataset.of);
    if (alert) alert.querySelector('.copies').appendChild(line);
  });
})();
