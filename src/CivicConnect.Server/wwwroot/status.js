// The public status page's map: a pin where the report is (rounded to about 100 m). Without
// tiles (an offline install) the pin still shows on a plain background.
(function () {
  var element = document.getElementById("map");
  if (!element || !window.L) {
    return;
  }

  var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
  var map = L.map(element, { scrollWheelZoom: false }).setView(point, 15);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || "" }).addTo(map);
  }

  L.circleMarker(point, { radius: 10, weight: 3 }).addTo(map);
  element.setAttribute("data-ready", "true");
})();
