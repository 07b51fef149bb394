/* numcheck: small progressive enhancement for the copy-desk page and the HTML report.
   Everything works without it (highlights link to their finding, native tooltips); with it a
   highlight opens its explanation in place, the findings list jumps to the text and flashes
   it, and the form refuses an oversized paste before uploading it.
   No framework, no network access, no innerHTML: popovers are built from clones of the
   finding cards already on the page, whose text the server escaped. */
(function () {
  "use strict";

  var pop = null;        // the open popover element
  var popFor = null;     // the mark it belongs to
  var pinned = false;    // opened by click/keyboard: stays until closed
  var hoverTimer = 0;

  function cardsFor(mark) {
    var doc = mark.getAttribute("data-doc");
    var numbers = (mark.getAttribute("data-f") || "").split(" ");
    var cards = [];
    numbers.forEach(function (n) {
      var card = document.getElementById(doc + "-f" + n);
      if (card) { cards.push(card); }
    });
    return cards;
  }

  function stripIds(node) {
    if (node.removeAttribute) { node.removeAttribute("id"); }
    Array.prototype.forEach.call(node.querySelectorAll("[id]"), function (el) {
      el.removeAttribute("id");
    });
    return node;
  }

  function closePop() {
    if (pop) { pop.remove(); }
    if (popFor) { popFor.classList.remove("nc-active"); }
    pop = null; popFor = null; pinned = false;
  }

  function place(mark, box) {
    var rects = mark.getClientRects();
    var rect = rects.length ? rects[0] : mark.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.min(Math.max(rect.left + window.scrollX, window.scrollX + 12),
                        window.scrollX + document.documentElement.clientWidth - width - 12);
    box.style.left = Math.max(left, 12) + "px";
    box.style.top = (rect.bottom + window.scrollY + 8) + "px";
  }

  function openPop(mark, pin) {
    if (popFor === mark) { pinned = pinned || pin; return; }
    closePop();
    var cards = cardsFor(mark);
    if (!cards.length) { return; }
    var box = document.createElement("div");
    box.className = "nc-pop";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Finding");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "nc-pop-close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "\u00d7";
    close.addEventListener("click", closePop);
    box.appendChild(close);
    var list = document.createElement("ol");
    list.className = "nc-cards";
    cards.forEach(function (card) { list.appendChild(stripIds(card.cloneNode(true))); });
    box.appendChild(list);
    box.addEventListener("mouseenter", function () { clearTimeout(hoverTimer); });
    box.addEventListener("mouseleave", function () { if (!pinned) { scheduleClose(); } });
    document.body.appendChild(box);
    place(mark, box);
    pop = box; popFor = mark; pinned = pin;
    mark.classList.add("nc-active");
  }

  function scheduleClose() {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () { if (!pinned) { closePop(); } }, 250);
  }

  function flash(doc, n) {
    var marks = document.querySelectorAll('.nc-hit[data-doc="' + doc + '"]');
    var first = null;
    Array.prototype.forEach.call(marks, function (m) {
      if ((" " + m.getAttribute("data-f") + " ").indexOf(" " + n + " ") < 0) { return; }
      first = first || m;
      m.classList.remove("nc-flash");
      void m.offsetWidth; // restart the animation
      m.classList.add("nc-flash");
    });
    return first;
  }

  function goTo(anchorId, doc, n) {
    var anchor = document.getElementById(anchorId);
    if (!anchor) { return false; }
    var target = anchor.nextElementSibling || anchor;
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    flash(doc, n);
    if (history.replaceState) { history.replaceState(null, "", "#" + anchorId); }
    return true;
  }

  function enhanceMarks() {
    Array.prototype.forEach.call(document.querySelectorAll(".nc-hit"), function (mark) {
      // The native tooltip is the no-script fallback; with the popover it would double up.
      mark.setAttribute("data-title", mark.getAttribute("title") || "");
      mark.removeAttribute("title");
      mark.setAttribute("aria-haspopup", "dialog");
      mark.addEventListener("mouseenter", function () {
        clearTimeout(hoverTimer);
        hoverTimer = setTimeout(function () { if (!pinned) { openPop(mark, false); } }, 120);
      });
      mark.addEventListener("mouseleave", function () { if (!pinned) { scheduleClose(); } });
    });
    document.addEventListener("click", function (event) {
      var target = event.target.closest ? event.target : event.target.parentElement;
      var mark = target && target.closest(".nc-hit");
      if (mark) {
        event.preventDefault();
        openPop(mark, true);
        return;
      }
      var go = target && target.closest(".nc-goto");
      if (go) {
        var id = go.getAttribute("href").slice(1);
        if (goTo(id, go.getAttribute("data-doc"), go.getAttribute("data-f"))) {
          event.preventDefault();
          closePop();
        }
        return;
      }
      var card = target && target.closest(".nc-findings .nc-card");
      if (card && !target.closest("a")) {
        // A click on a card goes to its first place in the text, on a line of evidence to
        // that place.
        var item = target.closest(".nc-evidence li");
        var link = (item && item.querySelector(".nc-goto")) || card.querySelector(".nc-goto");
        if (link) { link.click(); }
        return;
      }
      if (pop && !pop.contains(target)) { closePop(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closePop(); }
    });
    document.addEventListener("focusin", function (event) {
      var mark = event.target.closest && event.target.closest(".nc-hit");
      if (mark && !pinned) { openPop(mark, false); }
    });
    document.addEventListener("focusout", function (event) {
      // Tabbing away from a highlight closes what focusing it opened.
      if (!pinned && popFor === event.target) { scheduleClose(); }
    });
    window.addEventListener("resize", function () { if (pop && popFor) { place(popFor, pop); } });
  }

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }

  function enhanceForms() {
    Array.prototype.forEach.call(document.querySelectorAll("form.nc-compose"), function (form) {
      var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);
      var maxChars = parseInt(form.getAttribute("data-max-chars"), 10);
      var error = form.querySelector(".nc-form-error");
      var button = form.querySelector("button[type=submit]");
      form.addEventListener("submit", function (event) {
        var text = form.querySelector("textarea").value;
        var files = form.querySelector("input[type=file]").files || [];
        var bytes = new Blob([text]).size;
        Array.prototype.forEach.call(files, function (f) { bytes += f.size; });
        var message = "";
        if (bytes > maxBytes) {
          message = "The text or file is too large: " + megabytes(bytes) + ", the limit is " +
            Math.round(maxBytes / 1048576) + " MB per check. Check a shorter text or split the file.";
        } else if (text.length > maxChars) {
          message = "The text is too long: " + text.length.toLocaleString("en") +
            " characters, the limit is " + maxChars.toLocaleString("en") + " per check.";
        } else if (!text.trim() && !files.length) {
          message = "Nothing to check: paste an article or choose a file.";
        }
        if (message) {
          event.preventDefault();
          error.textContent = message;
          error.hidden = false;
          return;
        }
        error.hidden = true;
        button.disabled = true;
        button.textContent = "Checking\u2026";
      });
    });
    // Coming back with the browser's back button must not leave the button disabled.
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(document.querySelectorAll("form.nc-compose button"),
        function (b) { b.disabled = false; b.textContent = "Check numbers"; });
    });
  }

  function start() {
    document.documentElement.classList.add("nc-js");
    enhanceMarks();
    enhanceForms();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
