// Shows the chosen photo before it is sent (as the client's template did).
export function bindPhotoPreviews(root = document) {
  for (const input of root.querySelectorAll("input[type=file][name=photo]")) {
    const preview = input.closest("form")?.querySelector("[data-photo-preview]");
    if (!preview) continue;
    const original = preview.src;
    let objectUrl = null;
    input.addEventListener("change", () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      const file = input.files?.[0];
      objectUrl = file && file.type.startsWith("image/") ? URL.createObjectURL(file) : null;
      preview.src = objectUrl ?? original;
    });
  }
}

bindPhotoPreviews();
