// csto-kb serve: keyboard shortcuts of the review queue, and a quote's span set by selecting its words.
"use strict";

(function () {
  function cards() {
    return Array.from(document.querySelectorAll("article.candidate"));
  }

  function current() {
    const active = document.activeElement;
    const card = active && active.closest ? active.closest("article.candidate") : null;
    return card || document.querySelector("article.candidate.status-pending") || cards()[0] || null;
  }

  function move(step) {
    const all = cards();
    if (all.length === 0) return;
    const at = all.indexOf(current());
    const next = all[Math.min(Math.max(at + step, 0), all.length - 1)];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  function submit(card, selector) {
    const form = card && card.querySelector(selector);
    if (!form) return;
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  }

  // The offset of (node, offset) from the start of the context element, in characters of the stored text.
  function offsetIn(context, node, offset) {
    const range = document.createRange();
    range.setStart(context, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function selectSpan() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const startNode = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
    const context = startNode && startNode.closest ? startNode.closest(".context") : null;
    if (!context || !context.contains(range.endContainer)) return;
    const card = context.closest("article.candidate");
    const form = card && card.querySelector("form.edit-form");
    if (!form) return;
    const base = Number(context.dataset.offset);
    const start = base + offsetIn(context, range.startContainer, range.startOffset);
    const end = base + offsetIn(context, range.endContainer, range.endOffset);
    form.elements.quote.value = range.toString();
    form.elements.quote_start.value = String(start);
    form.elements.quote_end.value = String(end);
    const note = form.querySelector(".selection");
    if (note) note.textContent = "Quote set to characters " + start + "–" + end + ".";
    const details = card.querySelector("details.edit");
    if (details) details.open = true;
  }

  document.addEventListener("mouseup", selectSpan);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) selectSpan();
  });

  // Decisions carry the reviewer's name typed at the top of the page.
  document.addEventListener("htmx:configRequest", function (event) {
    const reviewer = document.getElementById("reviewer");
    if (reviewer && reviewer.value) event.detail.parameters.by = reviewer.value;
  });
  document.addEventListener("submit", function (event) {
    const reviewer = document.getElementById("reviewer");
    const form = event.target;
    if (!reviewer || !reviewer.value || !form.closest || !form.closest("article.candidate")) return;
    let field = form.querySelector("input[name=by]");
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "by";
      form.appendChild(field);
    }
    field.value = reviewer.value;
  });

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("article.candidate")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
    if (typing) {
      if (event.key === "Escape") {
        const card = target.closest("article.candidate");
        if (card) card.focus();
      }
      return;
    }
    const card = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": submit(card, "form.accept"); break;
      case "r": {
        const reason = card && card.querySelector("form.reject input[name=reason]");
        if (reason) reason.focus();
        break;
      }
      case "e": {
        const details = card && card.querySelector("details.edit");
        if (details) {
          details.open = true;
          const speaker = details.querySelector("input[name=speaker]");
          if (speaker) speaker.focus();
        }
        break;
      }
      case "s": submit(card, "form.edit-form"); break;
      default: return;
    }
    event.preventDefault();
  });

  // After a decision, the next pending candidate takes the focus.
  document.addEventListener("htmx:afterSwap", function (event) {
    const swapped = event.detail.target;
    if (!swapped || !swapped.id || !swapped.id.startsWith("c-")) return;
    const card = document.getElementById(swapped.id);
    if (card && !card.classList.contains("status-pending")) {
      const all = cards();
      const next = all.slice(all.indexOf(card) + 1).find(function (c) { return c.classList.contains("status-pending"); });
      (next || card).focus();
    }
  });
})();
