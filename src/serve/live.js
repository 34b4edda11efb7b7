// cchc serve: reloads this page after each build and shows a failed build's diagnostics
// over it. Only the preview server adds this script; the built site never holds it.
(() => {
  const me = document.currentScript;
  const here = me.dataset.generation;
  const key = "cchc-cuon:" + location.pathname;
  const kept = sessionStorage.getItem(key);
  if (kept !== null) {
    sessionStorage.removeItem(key);
    const back = () => window.scrollTo(0, Number(kept));
    back();
    addEventListener("load", back);
  }
  const reload = () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  };
  const show = (text) => {
    let box = document.getElementById("cchc-loi");
    if (!box) {
      box = document.createElement("div");
      box.id = "cchc-loi";
      box.setAttribute("style", BOX_STYLE);
      box.appendChild(document.createElement("pre"));
      document.body.prepend(box);
    }
    box.firstChild.textContent = text;
  };
  const events = new EventSource("/_cchc/su-kien");
  events.addEventListener("the-he", (e) => {
    // Marks the page as following the builds (what the browser test waits for).
    me.dataset.seen = e.data;
    if (e.data !== here) reload();
  });
  events.addEventListener("loi", (e) => show(JSON.parse(e.data)));
})();
