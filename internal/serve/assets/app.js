// vanban serve: keeps an input's page in step with its file. The server
// says when the file changed (server-sent events); the page then fetches
// the new parts and swaps them in. New pages are put in place only once
// their fonts are loaded, so the text never blinks.
"use strict";
(function () {
  const body = document.body;
  if (!body.classList.contains("view")) return;
  const renderURL = body.dataset.render;
  let shown = Number(body.dataset.version);
  let wanted = shown;
  let busy = false;
  const $ = (id) => document.getElementById(id);

  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      while (wanted > shown) {
        const res = await fetch(renderURL, { cache: "no-store" });
        if (!res.ok) break;
        const p = await res.json();
        await apply(p);
        shown = p.version;
        if (wanted < shown) wanted = shown;
      }
    } catch (e) {
      // the server may be restarting: the next event tries again
    } finally {
      busy = false;
    }
  }

  async function apply(p) {
    const state = $("state");
    state.className = "state " + p.state;
    state.textContent = p.stateText;
    $("downloads").innerHTML = p.downloads;
    $("banner").innerHTML = p.banner;
    $("problems").innerHTML = p.problems;
    $("source").innerHTML = p.source;
    const pages = $("pages");
    if (p.stale) {
      // Keep the pages on screen (the last good ones) and grey them.
      if (!pages.firstElementChild && p.pages) pages.innerHTML = p.pages;
      pages.classList.add("stale");
    } else {
      await swapPages(pages, p.pages);
      pages.classList.remove("stale");
    }
    body.dataset.version = String(p.version);
  }

  // swapPages renders the new pages off screen, waits for their fonts,
  // then replaces the old ones, keeping the scroll position.
  async function swapPages(pages, html) {
    const next = document.createElement("div");
    next.style.cssText = "position:absolute;left:-10000px;top:0;width:800px;visibility:hidden";
    next.innerHTML = html;
    document.body.appendChild(next);
    try {
      await document.fonts.ready;
    } catch (e) {}
    const y = window.scrollY;
    pages.replaceChildren(...next.childNodes);
    next.remove();
    window.scrollTo(0, y);
  }

  // Choosing a problem marks its line in the source.
  document.addEventListener("click", (ev) => choose(ev.target));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") choose(ev.target);
  });
  function choose(target) {
    const li = target.closest && target.closest("li[data-line]");
    if (!li) return;
    document.querySelectorAll(".problems li.chosen").forEach((x) => x.classList.remove("chosen"));
    document.querySelectorAll(".src li.mark").forEach((x) => x.classList.remove("mark"));
    li.classList.add("chosen");
    const line = $("L" + li.dataset.line);
    if (line) {
      line.classList.add("mark");
      line.scrollIntoView({ block: "center" });
    }
  }

  const live = $("live");
  const liveText = live.textContent;
  const events = new EventSource(body.dataset.events);
  events.addEventListener("version", (ev) => {
    live.classList.remove("off");
    live.textContent = liveText;
    const v = Number(ev.data);
    if (v !== shown) {
      wanted = Math.max(wanted, v);
      if (v < shown) wanted = v, shown = -1; // the server restarted
      refresh();
    }
  });
  // Leaving the page closes the stream first, so that no aborted request
  // is reported.
  window.addEventListener("pagehide", () => events.close());
  events.addEventListener("error", () => {
    live.classList.add("off");
    live.textContent = body.dataset.disconnected;
  });
})();
