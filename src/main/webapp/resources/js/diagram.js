/* Shows the process diagram of the process page (bpmn-js navigated viewer, served by the portal
   itself) and marks the steps done and the step(s) the process waits in. A failure is shown in the
   box and written to the console, never swallowed: an empty box once went unexplained. */
(function () {
    var container = document.getElementById('diagram');
    var source = document.getElementById('diagram-xml');
    if (!container || !source) {
        return;
    }
    function fail(reason) {
        container.textContent = container.dataset.failed;
        container.classList.add('diagram-failed');
        console.error('Process diagram not shown:', reason);
    }
    if (typeof BpmnJS === 'undefined') {
        fail('the bpmn-js viewer did not load');
        return;
    }
    // Ctrl + the arrow keys move the diagram while it has the focus (Tab leaves it as usual); the mouse
    // wheel keeps scrolling the page instead of zooming, the buttons below zoom
    var viewer = new BpmnJS({ container: container, keyboard: { bindTo: container } });
    viewer.get('zoomScroll').toggle(false);
    viewer.importXML(source.value).then(function () {
        var canvas = viewer.get('canvas');
        // as high as the diagram needs at the page's width, so that all of it shows without panning
        var inner = canvas.viewbox().inner;
        var height = Math.ceil(container.clientWidth * (inner.height + 40) / (inner.width + 40));
        container.style.height = Math.max(160, Math.min(height, 640)) + 'px';
        canvas.resized();
        canvas.zoom('fit-viewport', 'auto');
        function mark(ids, marker) {
            (ids || '').split(',').filter(Boolean).forEach(function (id) {
                if (viewer.get('elementRegistry').get(id)) {
                    canvas.addMarker(id, marker);
                }
            });
        }
        mark(container.dataset.done, 'step-done');
        mark(container.dataset.current, 'step-current');
        var zoom = document.getElementById('diagram-zoom');
        if (zoom) {
            var zoomBy = function (factor) {
                canvas.zoom(canvas.zoom() * factor, { x: container.clientWidth / 2, y: container.clientHeight / 2 });
            };
            document.getElementById('diagram-zoom-in').addEventListener('click', function () { zoomBy(1.25); });
            document.getElementById('diagram-zoom-out').addEventListener('click', function () { zoomBy(0.8); });
            document.getElementById('diagram-zoom-fit').addEventListener('click', function () { canvas.zoom('fit-viewport', 'auto'); });
            zoom.hidden = false;
        }
        container.classList.add('diagram-ready');
    }).catch(fail);
})();
