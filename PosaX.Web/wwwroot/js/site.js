import { bindAjaxForms } from "./ajax-form.js";

bindAjaxForms();
document.documentElement.classList.add("js");
