// The course book: search result summaries come from the chapter text only, not from the page's buttons
// (Sphinx's search reads the whole [role=main] element, which in this theme holds the header buttons too).
(function () {
  if (typeof Search === "undefined" || !Search.htmlToText) return;  // a const of searchtools.js, not on window
  const original = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(".bd-header-article, .onlyprint, .prev-next-area, .bd-sidebar-secondary, .bd-footer-article")
      .forEach((el) => el.remove());
    return original(doc.documentElement.outerHTML, anchor);
  };
})();
