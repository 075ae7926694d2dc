// Photos checked and made light before they travel (phones over slow mobile data):
// - a French, styled picker over each input[type=file][data-photo-input] (the native one stays for
//   keyboards and screen readers, visually hidden);
// - the type and the size are checked as soon as files are chosen, with the server's own messages;
// - pictures are downscaled in the browser (longest side 2,400 px, JPEG/WebP quality 0.85), so a
//   13 MB phone photo goes up as about 1 MB; the input then holds the light files and ajax-form.js
//   waits for this work (input.pendingWork) before posting.
// The server keeps every check it has: this only spares the upload. Its messages come from <body>.
const text = (name) => document.body.dataset[name] ?? "";
const TYPES = ["image/jpeg", "image/png", "image/webp"];
const LONGEST_SIDE = 2400;
const QUALITY = 0.85;
// Below this a photo is sent as it is: re-encoding would cost more than it saves.
const LIGHT_ENOUGH = 600 * 1024;

export function bindPhotoInputs(root = document) {
  for (const input of root.querySelectorAll("input[type=file][data-photo-input]")) {
    const picker = document.createElement("span");
    picker.className = "file-picker";
    picker.setAttribute("aria-hidden", "true");
    const button = document.createElement("span");
    button.className = "button button--small button--ghost";
    button.textContent = text(input.multiple ? "textChoosePhotos" : "textChoosePhoto");
    const status = document.createElement("span");
    status.className = "file-picker__status";
    status.textContent = text("textNoPhoto");
    picker.append(button, status);
    picker.addEventListener("click", () => input.click());
    input.classList.add("file-input");
    input.after(picker);
    input.addEventListener("change", () => {
      input.pendingWork = prepare(input, status);
    });
  }
}

async function prepare(input, status) {
  const files = Array.from(input.files ?? []);
  const slot = input.form?.querySelector(`[data-error-for="${CSS.escape(input.name)}"]`);
  const refuse = (message) => {
    if (slot) slot.textContent = message;
    input.setAttribute("aria-invalid", "true");
    input.value = "";
    status.textContent = text("textNoPhoto");
  };
  if (files.some((file) => !TYPES.includes(file.type))) return refuse(text("textPhotoType"));
  status.textContent = files.length === 0 ? text("textNoPhoto")
    : files.length === 1 ? files[0].name : text("textPhotosChosen").replace("{n}", files.length);
  const max = Number(input.dataset.maxBytes || Infinity);
  const light = [];
  for (const file of files) light.push(await lighten(file));
  if (light.some((file) => file.size > max)) return refuse(text("textPhotoTooLarge"));
  if (slot) slot.textContent = "";
  input.removeAttribute("aria-invalid");
  if (light.some((file, i) => file !== files[i])) {
    const transfer = new DataTransfer();
    for (const file of light) transfer.items.add(file);
    input.files = transfer.files;
  }
}

async function lighten(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file; // not decodable here: the server will say why
  }
  const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= LIGHT_ENOUGH) { bitmap.close(); return file; }
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  // JPEG for photos; WebP keeps a PNG's transparency where the browser can write it.
  const type = file.type === "image/jpeg" ? "image/jpeg" : "image/webp";
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
  if (!blob || blob.type !== type || blob.size >= file.size) return file;
  const name = file.name.replace(/\.[^.]*$/, "") + (type === "image/jpeg" ? ".jpg" : ".webp");
  return new File([blob], name, { type, lastModified: file.lastModified });
}

bindPhotoInputs();
