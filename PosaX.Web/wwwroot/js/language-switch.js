// The language switch remembers the visitor's choice (the lang cookie), so a first-visit redirect
// from Accept-Language never sends them back to the other language.
export function bindLanguageSwitch() {
  for (const link of document.querySelectorAll("a[data-language-switch]")) {
    link.addEventListener("click", () => {
      const secure = location.protocol === "https:" ? "; secure" : "";
      document.cookie = `lang=${link.hreflang}; path=/; max-age=31536000; samesite=lax${secure}`;
    });
  }
}
