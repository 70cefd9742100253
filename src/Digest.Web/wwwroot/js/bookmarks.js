// Bookmark stars in place (issue #5). Without this file each star is a plain form that POSTs and comes back.
// With it, a click POSTs by fetch with the antiforgery token in a header and updates every star of the target.
// A shared (cached) page has no token in its forms; the token then comes from GET /bookmarks/token.
(function () {
    "use strict";

    var token = null;

    function formToken(form) {
        var input = form.querySelector("input[name='__RequestVerificationToken']");
        return input ? input.value : null;
    }

    function getToken(form) {
        var own = formToken(form);
        if (own) {
            return Promise.resolve(own);
        }
        if (token) {
            return Promise.resolve(token);
        }
        return fetch("/bookmarks/token", { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("token " + response.status);
                }
                return response.json();
            })
            .then(function (body) {
                token = body.token;
                return token;
            });
    }

    function show(kind, target, on) {
        var forms = document.querySelectorAll("form.star-form");
        Array.prototype.forEach.call(forms, function (form) {
            if (form.elements.kind.value !== kind || form.elements.target.value !== target) {
                return;
            }
            var button = form.querySelector("button.star");
            var label = on ? button.dataset.labelOn : button.dataset.labelOff;
            button.setAttribute("aria-pressed", on ? "true" : "false");
            button.setAttribute("aria-label", label);
            button.title = label;
            button.querySelector(".star-icon").textContent = on ? "★" : "☆";
            var text = button.querySelector(".star-text");
            if (text) {
                text.textContent = on ? "已收藏" : "收藏";
            }
        });
    }

    function say(message) {
        var box = document.getElementById("star-status");
        if (!box) {
            box = document.createElement("p");
            box.id = "star-status";
            box.className = "star-status";
            box.setAttribute("role", "status");
            document.body.appendChild(box);
        }
        box.textContent = message;
        box.hidden = false;
        window.clearTimeout(say.timer);
        say.timer = window.setTimeout(function () { box.hidden = true; }, 4000);
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.classList || !form.classList.contains("star-form")) {
            return;
        }
        event.preventDefault();
        var button = form.querySelector("button.star");
        if (button.getAttribute("aria-busy") === "true") {
            return;
        }
        button.setAttribute("aria-busy", "true");
        getToken(form)
            .then(function (value) {
                return fetch(form.action, {
                    method: "POST",
                    credentials: "same-origin",
                    headers: { "Accept": "application/json", "X-CSRF-TOKEN": value },
                    body: new FormData(form)
                });
            })
            .then(function (response) {
                return response.json().then(function (body) {
                    if (!response.ok) {
                        throw new Error(body.error || ("HTTP " + response.status));
                    }
                    show(body.kind, body.target, body.bookmarked);
                    say(body.bookmarked ? "已收藏" : "已取消收藏");
                });
            })
            .catch(function (error) {
                say("收藏失败：" + error.message);
            })
            .then(function () {
                button.removeAttribute("aria-busy");
            });
    });
})();
