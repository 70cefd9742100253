// Keyboard navigation for lists of entries: j/k move the focus ring, o opens the paper, p its PDF, / searches.
// No framework, no inline script: this file is loaded with defer and the CSP allows only 'self'.
(function () {
    "use strict";

    // The entry that last held the focus: opening a PDF in another tab, or a click elsewhere, takes the focus away,
    // and j/k/o/p should go on from where the reader was.
    var lastEntry = null;
    document.addEventListener("focusin", function (event) {
        var entry = event.target && event.target.closest ? event.target.closest(".entry") : null;
        if (entry) {
            lastEntry = entry;
        }
    });

    function entries() {
        return Array.prototype.slice.call(document.querySelectorAll(".entry"));
    }

    function current(list) {
        var active = document.activeElement;
        var entry = active && active.closest ? active.closest(".entry") : null;
        return list.indexOf(entry || lastEntry);
    }

    function move(step) {
        var list = entries();
        if (list.length === 0) {
            return;
        }
        var index = current(list);
        var next = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step));
        list[next].focus({ preventScroll: true });
        list[next].scrollIntoView({ block: "nearest" });
    }

    function focusedEntry() {
        var list = entries();
        var index = current(list);
        return index < 0 ? null : list[index];
    }

    function typing(target) {
        if (!target) {
            return false;
        }
        var tag = target.tagName;
        return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
    }

    document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
            if (event.key === "Escape" && typing(event.target)) {
                event.target.blur();
            }
            return;
        }
        var entry;
        switch (event.key) {
            case "j":
                move(1);
                break;
            case "k":
                move(-1);
                break;
            case "o":
            case "Enter":
                entry = focusedEntry();
                if (!entry || !entry.dataset.open || (event.key === "Enter" && event.target !== entry)) {
                    return;
                }
                window.location.assign(entry.dataset.open);
                break;
            case "p":
                entry = focusedEntry();
                if (!entry || !entry.dataset.pdf) {
                    return;
                }
                window.open(entry.dataset.pdf, "_blank", "noopener,noreferrer");
                break;
            case "/":
                var box = document.getElementById("search-box");
                if (!box) {
                    return;
                }
                box.focus();
                box.select();
                break;
            default:
                return;
        }
        event.preventDefault();
    });
})();
