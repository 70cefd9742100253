// "复制 BibTeX": fetch the entry the link points at and put it on the clipboard; without a clipboard, follow the link.
(() => {
  for (const link of document.querySelectorAll("a[data-copy-bibtex]")) {
    link.addEventListener("click", async (event) => {
      if (!navigator.clipboard) {
        return;
      }
      event.preventDefault();
      const status = link.parentElement.querySelector(".copy-status");
      try {
        const response = await fetch(link.href, { headers: { Accept: "application/x-bibtex" } });
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        await navigator.clipboard.writeText(await response.text());
        if (status) {
          status.textContent = "已复制";
        }
      } catch {
        window.location.href = link.href;
      }
    });
  }
})();
