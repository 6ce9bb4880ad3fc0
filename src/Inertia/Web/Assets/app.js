// Inertia's progressive script: keyboard navigation, actions without page reloads, loading more entries,
// marking read on scroll. Every page works without it; this only makes reading quicker.
(() => {
  "use strict";
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const token = () => $('meta[name="csrf-token"]')?.content ?? "";

  // Forms that record the browser's time zone (set-up, sign-in).
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  $$(".detect-time-zone").forEach((input) => { if (zone) input.value = zone; });

  // Buttons that need a second thought.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (button && !confirm(button.dataset.confirm)) event.preventDefault();
  }, true);

  async function post(url, fields = {}) {
    const body = new FormData();
    body.append("__RequestVerificationToken", token());
    for (const [name, value] of Object.entries(fields)) {
      for (const one of [].concat(value)) body.append(name, one);
    }
    const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json", "X-CSRF-Token": token() }, credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  // Unread counts in the sidebar follow what is read here: the feed's, its folder's (open or not) and the total.
  function bump(element, delta) {
    if (!element) return;
    const value = Math.max(0, (parseInt(element.textContent, 10) || 0) + delta);
    element.textContent = value > 0 ? value : "";
  }
  function adjustCounts(entry, delta) {
    bump($(`[data-count="feed:${entry.dataset.feed}"]`), delta);
    if (entry.dataset.folder) bump($(`[data-count="folder:${entry.dataset.folder}"]`), delta);
    bump($('[data-count="total"]'), delta);
  }

  function markedRead(element, read) {
    if (!element || element.classList.contains("read") === read) return;
    element.classList.toggle("read", read);
    element.classList.toggle("unread", !read);
    adjustCounts(element, read ? -1 : 1);
  }

  async function setRead(element, read) {
    const result = await post(`/entries/${element.dataset.id}/${read ? "read" : "unread"}`);
    if (result.changed > 0) markedRead(element, read);
    const toggle = $(".toggle-read", element);
    if (toggle) {
      toggle.setAttribute("aria-pressed", String(read));
      toggle.formAction = `/entries/${element.dataset.id}/${read ? "unread" : "read"}`;
      toggle.textContent = read ? toggle.dataset.unreadLabel ?? toggle.textContent : toggle.dataset.readLabel ?? toggle.textContent;
    }
  }

  async function setStarred(element, starred) {
    await post(`/entries/${element.dataset.id}/${starred ? "star" : "unstar"}`);
    element.classList.toggle("starred", starred);
    const button = $(".star", element);
    if (button) {
      button.setAttribute("aria-pressed", String(starred));
      button.formAction = `/entries/${element.dataset.id}/${starred ? "unstar" : "star"}`;
      const label = $("span", button);
      if (label && button.dataset.starredLabel) label.textContent = starred ? button.dataset.starredLabel : button.dataset.starLabel;
    }
    bump($('[data-count="starred"]'), starred ? 1 : -1);
  }

  // Star and read buttons act in place instead of reloading the page.
  document.addEventListener("click", (event) => {
    const button = event.target.closest('button[form="entry-actions"]');
    if (!button) return;
    const element = button.closest("[data-id]") ?? $("#article");
    if (!element) return;
    event.preventDefault();
    const action = new URL(button.formAction).pathname.split("/").pop();
    const done = action === "star" || action === "unstar" ? setStarred(element, action === "star") : setRead(element, action === "read");
    done.catch(() => button.form.requestSubmit(button));
  });

  // The list: selection, keyboard, more entries, marking read on scroll.
  const list = $("#entries");
  const article = $("#article");
  let current = null;

  function select(element, scroll = true) {
    if (!element) return;
    current?.classList.remove("current");
    current = element;
    current.classList.add("current");
    if (scroll) current.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const items = $$("#entries > .entry").filter((item) => !item.hidden);
    if (items.length === 0) return;
    const at = current ? items.indexOf(current) : -1;
    select(items[Math.min(items.length - 1, Math.max(0, at + step))]);
  }

  function open(element, original) {
    if (!element) return;
    if (original) {
      if (element.dataset.original) window.open(element.dataset.original, "_blank", "noopener,noreferrer");
      if (!element.classList.contains("read") && element.matches(".entry")) setRead(element, true).catch(() => {});
    } else if (element.dataset.url) {
      location.href = element.dataset.url;
    }
  }

  const more = $("#load-more");
  let loading = false;
  async function loadMore() {
    if (!more || loading || !list) return;
    loading = true;
    try {
      const response = await fetch(more.dataset.fragment, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const html = await response.text();
      const holder = document.createElement("template");
      holder.innerHTML = html;
      list.append(holder.content);
      const next = response.headers.get("X-Next");
      if (next) {
        more.href = next;
        more.dataset.fragment = next + "&fragment=1";
      } else {
        more.parentElement.remove();
      }
    } catch {
      location.href = more.href;
    } finally {
      loading = false;
    }
  }
  if (more) {
    more.addEventListener("click", (event) => { event.preventDefault(); loadMore(); });
    new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) loadMore(); }, { rootMargin: "600px" }).observe(more);
  }

  // Marking read on scroll: an unread entry whose bottom has gone above the window is read. Checked on
  // scroll (once a frame), so a fast fling past many entries counts them all.
  const markOnScroll = $('meta[name="mark-read-on"]')?.content === "scroll" && list !== null;
  const queued = new Set();
  const sent = new WeakSet();
  let flushTimer = 0;
  let frame = 0;
  function checkScrolledPast() {
    frame = 0;
    for (const element of $$("#entries > .entry.unread")) {
      if (element.getBoundingClientRect().bottom >= 0) break;
      if (!sent.has(element)) queued.add(element);
    }
    if (queued.size > 0 && !flushTimer) flushTimer = setTimeout(flush, 800);
  }
  if (markOnScroll) addEventListener("scroll", () => { if (!frame) frame = requestAnimationFrame(checkScrolledPast); }, { passive: true });
  async function flush() {
    flushTimer = 0;
    const batch = Array.from(queued);
    queued.clear();
    if (batch.length === 0) return;
    batch.forEach((element) => sent.add(element));
    try {
      await post("/entries/read", { id: batch.map((element) => element.dataset.id) });
      batch.forEach((element) => markedRead(element, true));
    } catch {
      batch.forEach((element) => sent.delete(element));
    }
  }
  addEventListener("pagehide", () => {
    if (queued.size === 0) return;
    const body = new FormData();
    body.append("__RequestVerificationToken", token());
    queued.forEach((element) => body.append("id", element.dataset.id));
    navigator.sendBeacon("/entries/read", body);
  });

  // A closed folder's feeds are loaded when it is first opened.
  $$("details[data-load]").forEach((details) => {
    details.addEventListener("toggle", async () => {
      if (!details.open || !details.dataset.load) return;
      const url = details.dataset.load;
      delete details.dataset.load;
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.ok) $("ul", details).innerHTML = await response.text();
      } catch {
        details.dataset.load = url;
      }
    });
  });

  // A message in the page's flash line, as the server's own messages show (role=status, so it is read out).
  const carriedKey = "inertia-flash";
  function showStatus(message) {
    const main = $("#main");
    if (!main || !message) return;
    let line = $(":scope > .flash", main);
    if (!line) {
      line = document.createElement("p");
      line.className = "flash";
      line.setAttribute("role", "status");
      main.prepend(line);
    }
    line.textContent = message;
  }
  // A message carried over the reload that follows a refresh.
  try {
    const carried = sessionStorage.getItem(carriedKey);
    if (carried) { sessionStorage.removeItem(carriedKey); showStatus(carried); }
  } catch { /* storage refused: no message to carry */ }

  function refresh() {
    const feed = location.pathname.match(/^\/feeds\/(\d+)/);
    const fields = feed ? { feedId: feed[1] } : {};
    const main = $("#main");
    showStatus(main?.dataset.refreshing);
    post("/refresh", fields).then((answer) => {
      try { if (answer?.message) sessionStorage.setItem(carriedKey, answer.message); } catch { /* shown no further */ }
      location.reload();
    }, () => showStatus(main?.dataset.refreshFailed));
  }

  function markAllRead() {
    const form = $("#mark-all");
    if (!form) return;
    const button = $('button[type="submit"]', form);
    if (confirm(button.textContent.trim() + "?")) form.requestSubmit(button);
  }

  let pendingG = false;
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") target.blur();
      return;
    }
    const help = $("#help");
    if (help?.open) return;
    if (pendingG) {
      pendingG = false;
      const destination = { u: "/unread", a: "/all", s: "/starred", t: "/today" }[event.key];
      if (destination) { event.preventDefault(); location.href = destination; }
      return;
    }
    const subject = article ?? current;
    switch (event.key) {
      case "j":
        if (article) { if (article.dataset.next) location.href = article.dataset.next; } else move(1);
        break;
      case "k":
        if (article) { if (article.dataset.previous) location.href = article.dataset.previous; } else move(-1);
        break;
      case "o": case "Enter":
        if (!article && current) open(current, false); else return;
        break;
      case "v":
        open(subject, true);
        break;
      case "m":
        if (subject) setRead(subject, !subject.classList.contains("read")).catch(() => {});
        break;
      case "s":
        if (subject) setStarred(subject, !subject.classList.contains("starred")).catch(() => {});
        break;
      case "u":
        if (article) location.href = article.dataset.list; else return;
        break;
      case "A":
        markAllRead();
        break;
      case "r":
        refresh();
        break;
      case "/":
        $("#search-box")?.focus();
        break;
      case "g":
        pendingG = true;
        setTimeout(() => { pendingG = false; }, 1500);
        break;
      case "?":
        help?.showModal();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  list?.addEventListener("click", (event) => {
    const item = event.target.closest(".entry");
    if (item) select(item, false);
  });

  // Feed addresses to copy are selected whole when clicked.
  document.addEventListener("focusin", (event) => {
    if (event.target.matches?.("input.copy")) event.target.select();
  });

  // An OPML import's progress page follows the import as it runs (without script, the page reloads itself).
  const importProgress = $("#import-progress");
  function showImport(state) {
    const field = (name) => $(`[data-field="${name}"]`, importProgress);
    field("statusText").textContent = state.statusText;
    const bar = field("progress");
    bar.max = Math.max(state.total, 1);
    bar.value = state.done;
    bar.textContent = `${state.done} / ${state.total}`;
    for (const name of ["done", "total", "added", "skipped", "failed"]) field(name).textContent = state[name];
    // The whole list from the server's each time: failures are recorded out of order, so appending what is past the
    // length already shown repeated some and missed others.
    $(".failure-list", importProgress).replaceChildren(...state.failures.map((failure) => {
      const item = document.createElement("li");
      const part = (tag, className, text) => {
        const element = document.createElement(tag);
        element.className = className;
        element.textContent = text;
        item.append(element, " ");
      };
      part("strong", "failure-title", failure.title);
      if (failure.folder) part("span", "muted small failure-folder", failure.folder);
      part("span", "muted small url failure-url", failure.url);
      part("span", "problem small failure-reason", failure.reason ?? "");
      return item;
    }));
    field("failures").hidden = state.failures.length === 0;
    field("next").hidden = !state.finished;
    importProgress.dataset.status = state.status;
  }
  async function pollImport() {
    try {
      const response = await fetch(importProgress.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const state = await response.json();
        showImport(state);
        if (state.finished) return;
      }
    } catch {
      // A dropped connection: the next poll tries again.
    }
    setTimeout(pollImport, 1000);
  }
  if (importProgress && !["done", "interrupted"].includes(importProgress.dataset.status)) setTimeout(pollImport, 500);
})();

// A share link's box selects the whole address when clicked, ready to copy.
(() => {
  "use strict";
  const shareUrl = document.getElementById("share-url");
  shareUrl?.addEventListener("focus", () => shareUrl.select());
})();
