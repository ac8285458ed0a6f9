/*
 * Choropleth of penetration (people per 1,000 inhabitants) per municipality on the report page.
 * Leaflet (vendored, no tiles: nothing is loaded from outside). Five classes of one hue whose lightness
 * steps evenly, so the map also reads printed in grey; withheld values ("< 10") are white with a dashed
 * border. The same numbers are in the table "Penetration per municipality" below the map.
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
        fetch(box.getAttribute('data-geojson')).then(function (r) { return r.json(); }).then(function (geo) {
            var layer = L.geoJSON(geo, {
                style: function (feature) {
                    var value = values[feature.properties.gemeentecode];
                    if (!value) {
                        return { color: '#767676', weight: 0.5, fillColor: '#ffffff', fillOpacity: 1 };
                    }
                    if (value.v === null) {
                        return { color: '#333333', weight: 1, dashArray: '3 3', fillColor: '#ffffff', fillOpacity: 1 };
                    }
                    return { color: '#333333', weight: 0.7, fillColor: colour(value.v, breaks), fillOpacity: 1 };
                },
                onEachFeature: function (feature, l) {
                    var value = values[feature.properties.gemeentecode];
                    l.bindTooltip(feature.properties.gemeentenaam + ': ' + (value ? value.t : '0'));
                }
            }).addTo(map);
            map.fitBounds(layer.getBounds());
            box.setAttribute('data-drawn', String(layer.getLayers().length));
        }).catch(function (e) {
            box.textContent = e.message;
            console.error('report map', e);
        });
        var legend = L.control({ position: 'bottomright' });
        legend.onAdd = function () {
            var div = L.DomUtil.create('div', 'map-legend');
            var html = '<strong>' + box.getAttribute('data-legend') + '</strong>';
            var lower = 0;
            for (var i = 0; i < COLOURS.length; i++) {
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
        var box = document.getElementById('report-map');
        if (box && window.L) { draw(box); }
    });
})();
