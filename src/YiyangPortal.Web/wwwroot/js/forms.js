// Forms (loaded on every page; the CSP allows no inline script):
// - a page that comes back with an error summary moves the focus to the first field in error;
// - each link of the summary focuses its field;
// - a form with data-confirm-required keeps its submit buttons disabled until its confirmation box is ticked.
(function () {
    "use strict";

    function focusField(id) {
        var field = document.getElementById(id);
        if (!field) { return false; }
        field.scrollIntoView({ block: "center" });
        field.focus({ preventScroll: true });
        return true;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var summary = document.querySelector("[data-error-summary]");
        if (summary) {
            var first = document.querySelector(".is-invalid[id], [aria-invalid=true][id]");
            if (!first || !focusField(first.id)) { summary.focus(); }
            summary.addEventListener("click", function (event) {
                var link = event.target.closest("a[data-focus-field]");
                if (link && focusField(link.getAttribute("data-focus-field"))) { event.preventDefault(); }
            });
        }

        document.querySelectorAll("form[data-confirm-required]").forEach(function (form) {
            var box = form.querySelector("input[type=checkbox][data-confirm]");
            var buttons = form.querySelectorAll("button[type=submit]");
            if (!box) { return; }
            var sync = function () { buttons.forEach(function (b) { b.disabled = !box.checked; }); };
            box.addEventListener("change", sync);
            sync();
        });
    });
})();
