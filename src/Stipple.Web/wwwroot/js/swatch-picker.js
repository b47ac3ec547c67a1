// Pairs each colour picker with its #rrggbb text field. Without this script the picker stays hidden and the text
// field alone is the form's value, so the form works without JavaScript.
(() => {
    const hex = /^#?[0-9a-f]{6}$/i;
    for (const picker of document.querySelectorAll("input[type=color][data-swatch-for]")) {
        const text = document.getElementById(picker.dataset.swatchFor);
        if (!text) {
            continue;
        }

        picker.hidden = false;
        picker.addEventListener("input", () => { text.value = picker.value; });
        text.addEventListener("input", () => {
            const value = text.value.trim();
            if (hex.test(value)) {
                picker.value = (value.startsWith("#") ? value : `#${value}`).toLowerCase();
            }
        });
    }
})();
