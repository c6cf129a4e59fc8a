/* consistency report: filters, search, sorting, keys and copy buttons.
   Progressive enhancement: without this script every finding is shown and the page reads
   fully. No request leaves the page; nothing here reads or writes article text as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("controls");
  var list = document.getElementById("cards");
  if (!form || !list) {
    return;
  }
  var cards = Array.prototype.slice.call(list.querySelectorAll("article.card"));
  var byId = {};
  cards.forEach(function (card) { byId[card.id] = card; });
  var field = function (id) { return document.getElementById(id); };
  var kind = field("f-kind"), sev = field("f-sev"), entity = field("f-entity");
  var outlet = field("f-outlet"), text = field("f-text"), order = field("f-sort");
  var status = field("f-status"), none = field("f-none");
  var haystack = null; // each card's words, lower case, read once on the first search

  function has(tokens, token) {
    return (" " + tokens + " ").indexOf(" " + token + " ") >= 0;
  }

  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length && !haystack) {
      haystack = cards.map(function (card) { return card.textContent.toLowerCase(); });
    }
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var d = cards[i].dataset;
      var ok = (!kind.value || has(d.kinds, kind.value)) &&
        (!sev.value || d.sev === sev.value) &&
        (!entity.value || d.e === entity.value) &&
        (!outlet.value || has(d.docs, outlet.value));
      for (var j = 0; ok && j < words.length; j++) {
        ok = haystack[i].indexOf(words[j]) >= 0;
      }
      if (cards[i].hidden === ok) {
        cards[i].hidden = !ok;
      }
      if (ok) {
        shown++;
      }
    }
    status.textContent = shown === cards.length
      ? "Showing all " + cards.length + " findings."
      : "Showing " + shown + " of " + cards.length + " findings.";
    none.hidden = shown > 0;
  }

  function sort() {
    var byEntity = order.value === "entity";
    var key = function (card) {
      var d = card.dataset;
      var r = +d.rank; // the severity's place in the report's order, most serious 0
      return byEntity ? [+d.e.slice(1), r, +d.n] : [r, +d.n];
    };
    var keys = new Map(cards.map(function (card) { return [card, key(card)]; }));
    var sorted = cards.slice().sort(function (a, b) {
      var ka = keys.get(a), kb = keys.get(b);
      for (var i = 0; i < ka.length; i++) {
        if (ka[i] !== kb[i]) {
          return ka[i] - kb[i];
        }
      }
      return 0;
    });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (card) { fragment.appendChild(card); });
    list.appendChild(fragment);
  }

  function visible() {
    return cards.filter(function (card) { return !card.hidden; })
      .sort(function (a, b) {
        return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
  }

  function step(by) {
    var shown = visible();
    if (!shown.length) {
      return;
    }
    var at = shown.indexOf(document.activeElement.closest ? document.activeElement.closest("article.card") : null);
    var next = shown[Math.max(0, Math.min(shown.length - 1, at < 0 ? 0 : at + by))];
    next.tabIndex = -1;
    next.focus();
    next.scrollIntoView({ block: "start" });
  }

  function reveal() {
    // A link to a finding that the filters hide shows every finding again.
    var card = byId[decodeURIComponent(location.hash.slice(1))];
    if (card && card.hidden) {
      form.reset();
      apply();
      card.scrollIntoView({ block: "start" });
    }
  }

  function copy(button) {
    var code = button.previousElementSibling;
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        if (document.execCommand("copy")) {
          done();
          return;
        }
      } catch (e) { /* the text stays selected for a manual copy */ }
      button.textContent = "Selected: press Ctrl+C";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.textContent).then(done, fallback);
    } else {
      fallback();
    }
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { sort(); apply(); }, 0); });
  [kind, sev, entity, outlet].forEach(function (select) {
    select.addEventListener("change", apply);
  });
  text.addEventListener("input", apply);
  order.addEventListener("change", sort);
  list.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy");
    if (button) {
      copy(button);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === "Escape" && event.target === text) {
      text.value = "";
      apply();
    } else if (!typing && event.key === "/") {
      event.preventDefault();
      text.focus();
    } else if (!typing && (event.key === "j" || event.key === "k")) {
      event.preventDefault();
      step(event.key === "j" ? 1 : -1);
    }
  });
  window.addEventListener("hashchange", reveal);
  Array.prototype.forEach.call(list.querySelectorAll("code.accept"), function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    code.after(" ", button);
  });
  form.hidden = false;
  apply();
})();
