// The console's maps (Leaflet, bundled by the server under lib/leaflet: no CDN). Blazor imports
// this module and drives it: .NET queries the data through the Staff services and hands it over
// here; this file only draws. Base tiles are optional: with no tile URL, or tiles that cannot be
// reached, wards, reports and hotspots are still drawn (they are vectors and HTML markers).

let leafletLoading;

function loadLeaflet() {
    if (window.L) {
        return Promise.resolve(window.L);
    }

    if (!leafletLoading) {
        addStylesheet('lib/leaflet/leaflet.css');
        addStylesheet('_content/CivicConnect.Staff/map.css');
        leafletLoading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = 'lib/leaflet/leaflet.js';
            script.onload = () => resolve(window.L);
            script.onerror = () => reject(new Error('leaflet.js could not be loaded'));
            document.head.appendChild(script);
        });
    }

    return leafletLoading;
}

function addStylesheet(href) {
    if (!document.querySelector(`link[href="${href}"]`)) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        document.head.appendChild(link);
    }
}

function baseMap(L, element, options) {
    const map = L.map(element, { center: [options.latitude, options.longitude], zoom: options.zoom, keyboard: true, zoomControl: true });
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.attribution || '', maxZoom: 19 }).addTo(map);
    }

    // The container is focusable for Leaflet's keyboard panning; say what it is.
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', options.label);
    return map;
}

function boundsOf(map) {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth(), map.getZoom()];
}

function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The map of open reports: wards, report clusters and markers, hotspots; tells .NET when the view moves. */
export async function createReportMap(element, dotnet, options) {
    const L = await loadLeaflet();
    const map = baseMap(L, element, options);
    const colours = options.colours || {};
    const colourOf = code => colours[code] || '#37474f';

    const wards = L.geoJSON(null, {
        style: () => ({ color: '#1f4e79', weight: 2, fillOpacity: 0.04, className: 'cc-ward' }),
        onEachFeature: (feature, layer) => layer.bindTooltip(escapeHtml(feature.properties.name), { sticky: true }),
    }).addTo(map);
    const hotspots = L.layerGroup().addTo(map);
    const reports = L.layerGroup().addTo(map);
    L.control.layers(null, { [options.layers.wards]: wards, [options.layers.reports]: reports, [options.layers.hotspots]: hotspots }, { collapsed: false }).addTo(map);

    let moved = () => dotnet.invokeMethodAsync('OnViewChanged', ...boundsOf(map));
    map.on('moveend', () => moved());

    const handle = {
        setWards(geoJson) {
            wards.clearLayers();
            wards.addData(JSON.parse(geoJson));
        },
        setHotspots(spots) {
            hotspots.clearLayers();
            for (const spot of spots) {
                L.circle([spot.latitude, spot.longitude], { radius: Math.max(spot.radius, 30), color: '#b35c00', weight: 3, dashArray: '6 6', fillOpacity: 0.08, className: 'cc-hotspot' })
                    .bindTooltip(escapeHtml(spot.title))
                    .addTo(hotspots);
            }
        },
        setReports(view) {
            reports.clearLayers();
            for (const c of view.clusters) {
                const size = c.count < 10 ? 30 : c.count < 100 ? 36 : c.count < 1000 ? 42 : 48;
                const icon = L.divIcon({
                    className: 'cc-cluster-icon',
                    html: `<span class="cc-cluster" style="background:${colourOf(c.category)};width:${size}px;height:${size}px;line-height:${size}px">${c.count}</span>`,
                    iconSize: [size, size],
                });
                L.marker([c.latitude, c.longitude], { icon, title: c.title, keyboard: true, riseOnHover: true })
                    .on('click', () => map.fitBounds([[c.minLatitude, c.minLongitude], [c.maxLatitude, c.maxLongitude]], { padding: [24, 24], maxZoom: options.pointsFromZoom }))
                    .addTo(reports);
            }

            for (const r of view.reports) {
                const icon = L.divIcon({
                    className: 'cc-report-icon',
                    html: `<span class="cc-report" style="background:${colourOf(r.category)}"></span>`,
                    iconSize: [18, 18],
                });
                L.marker([r.latitude, r.longitude], { icon, title: r.title, keyboard: true, riseOnHover: true })
                    .bindPopup(`<strong>${escapeHtml(r.title)}</strong><br><a href="${escapeHtml(r.href)}">${escapeHtml(r.linkText)}</a>`)
                    .addTo(reports);
            }

            element.dataset.clusters = String(view.clusters.length);
            element.dataset.reports = String(view.reports.length);
        },
        zoomTo(minLon, minLat, maxLon, maxLat) {
            map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [24, 24], maxZoom: options.pointsFromZoom });
        },
        view: () => boundsOf(map),
        dispose() {
            moved = () => Promise.resolve();
            map.remove();
        },
    };

    element.dataset.ready = 'true';
    return handle;
}

/** The dashboard's wards shaded by their open reports; colours come from .NET with the legend. */
export async function createWardChoropleth(element, options, geoJson, fills) {
    const L = await loadLeaflet();
    const map = baseMap(L, element, options);
    const layer = L.geoJSON(JSON.parse(geoJson), {
        style: feature => ({ color: '#1f4e79', weight: 1.5, fillColor: fills[feature.properties.code] || '#ffffff', fillOpacity: 0.75, className: 'cc-ward' }),
        onEachFeature: (feature, l) => l.bindTooltip(escapeHtml(feature.properties.name), { sticky: true }),
    }).addTo(map);
    if (layer.getLayers().length > 0) {
        map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    }

    element.dataset.ready = 'true';
    return { dispose: () => map.remove() };
}
