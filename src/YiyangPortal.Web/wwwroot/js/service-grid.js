// 按月登记 (the month grid): the 添加一行 button copies the last row, emptied, with the next index in its names
// (rows[N].Field) and ids. Without JavaScript the page offers a fixed number of blank rows and the button stays hidden.
// (The CSP allows no inline script.)
(function () {
    "use strict";

    document.addEventListener("DOMContentLoaded", function () {
        var button = document.querySelector("[data-grid-add]");
        var rows = document.querySelector("[data-grid-rows]");
        if (!button || !rows) { return; }
        var max = parseInt(button.getAttribute("data-grid-max"), 10) || 100;
        button.hidden = false;

        button.addEventListener("click", function () {
            var all = rows.querySelectorAll("[data-grid-row]");
            if (all.length >= max) { button.disabled = true; return; }
            var last = all[all.length - 1];
            var index = all.length;
            var copy = last.cloneNode(true);
            copy.setAttribute("data-testid", "grid-row-" + index);
            copy.querySelectorAll("[data-field-error]").forEach(function (e) { e.remove(); });
            copy.querySelectorAll("input, select").forEach(function (field) {
                field.name = field.name.replace(/^rows\[\d+\]/, "rows[" + index + "]");
                field.id = field.id.replace(/^rows_\d+_/, "rows_" + index + "_");
                field.classList.remove("is-invalid");
                if (field.tagName === "SELECT") { field.selectedIndex = 0; } else { field.value = ""; }
            });
            copy.querySelectorAll("label[for]").forEach(function (label) {
                label.htmlFor = label.htmlFor.replace(/^rows_\d+_/, "rows_" + index + "_");
            });
            rows.appendChild(copy);
            var first = copy.querySelector("input, select");
            if (first) { first.focus(); }
            if (index + 1 >= max) { button.disabled = true; }
        });
    });
})();
