/* Shows the process diagram of the process page (bpmn-js navigated viewer, served by the portal
   itself) and marks the steps done and the step the process waits in. */
(function () {
    var container = document.getElementById('diagram');
    var source = document.getElementById('diagram-xml');
    if (!container || !source || !source.value || typeof BpmnJS === 'undefined') {
        return;
    }
    var viewer = new BpmnJS({ container: container });
    viewer.importXML(source.value).then(function () {
        var canvas = viewer.get('canvas');
        canvas.zoom('fit-viewport');
        function mark(ids, marker) {
            (ids || '').split(',').filter(Boolean).forEach(function (id) {
                try { canvas.addMarker(id, marker); } catch (e) { /* not drawn (e.g. a subprocess child) */ }
            });
        }
        mark(container.dataset.done, 'step-done');
        mark(container.dataset.current, 'step-current');
    }).catch(function () {
        container.textContent = '';
    });
})();
