/*
 * Choropleth of people reached per 1,000 inhabitants per PC4 of one municipality (the municipality view).
 * The same drawing as the report's map (js/report-map.js, the report feature's), keyed on PC4 instead of
 * municipality: five classes of one hue, withheld PC4s white with a dashed border. Leaflet, no tiles. The same
 * numbers are in the table below the map.
 */
(function () {
    'use strict';
    var COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

    function classes(values) {
        var sorted = values.filter(function (v) { return v !== null; }).sort(function (a, b) { return a - b; });
        if (sorted.length === 0) { return []; }
        var breaks = [];
        for (var i = 1; i < COLOURS.length; i++) {
            breaks.push(sorted[Math.min(sorted.length - 1, Math.floor(i * sorted.length / COLOURS.length))]);
        }
        return breaks;
    }

    function colour(v, breaks) {
        var i = 0;
        while (i < breaks.length && v > breaks[i]) { i++; }
        return COLOURS[i];
    }

    function format(n) {
        return (Math.round(n * 10) / 10).toLocaleString(document.documentElement.lang || 'nl');
    }

    function draw(box) {
        var values = JSON.parse(box.getAttribute('data-values') || '{}');
        var breaks = classes(Object.keys(values).map(function (k) { return values[k].v; }));
        var map = L.map(box, { zoomControl: true, attributionControl: true, scrollWheelZoom: false });
        map.attributionControl.setPrefix(false).addAttribution('CBS/PDOK');
        fetch(box.getAttribute('data-geojson'), { credentials: 'same-origin' }).then(function (r) {
            if (!r.ok) { throw new Error(r.status); }
            return r.json();
        }).then(function (geo) {
            var layer = L.geoJSON(geo, {
                style: function (feature) {
                    var value = values[feature.properties.pc4];
                    if (!value || value.v === null) {
                        return { color: '#333333', weight: 1, dashArray: '3 3', fillColor: '#ffffff', fillOpacity: 1 };
                    }
                    return { color: '#333333', weight: 0.7, fillColor: colour(value.v, breaks), fillOpacity: 1 };
                },
                onEachFeature: function (feature, l) {
                    var value = values[feature.properties.pc4];
                    l.bindTooltip(feature.properties.pc4 + ': ' + (value && value.t ? value.t : box.getAttribute('data-suppressed')));
                }
            }).addTo(map);
            if (layer.getLayers().length > 0) { map.fitBounds(layer.getBounds()); }
            box.setAttribute('data-drawn', String(layer.getLayers().length));
        }).catch(function (e) {
            box.textContent = box.getAttribute('data-failed');
            console.error('municipality map', e);
        });
        var legend = L.control({ position: 'bottomright' });
        legend.onAdd = function () {
            var div = L.DomUtil.create('div', 'map-legend');
            var html = '<strong>' + box.getAttribute('data-legend') + '</strong>';
            var lower = 0;
            for (var i = 0; i < COLOURS.length && i <= breaks.length; i++) {
                var upper = i < breaks.length ? breaks[i] : null;
                html += '<div><span class="swatch" style="background:' + COLOURS[i] + '"></span>'
                    + (upper === null ? '&gt; ' + format(lower) : format(lower) + ' – ' + format(upper)) + '</div>';
                if (upper !== null) { lower = upper; }
            }
            html += '<div><span class="swatch swatch-suppressed"></span>' + box.getAttribute('data-suppressed') + '</div>';
            div.innerHTML = html;
            return div;
        };
        legend.addTo(map);
    }

    document.addEventListener('DOMContentLoaded', function () {
        var box = document.getElementById('pc4-map');
        if (box && window.L) { draw(box); }
    });
})();
