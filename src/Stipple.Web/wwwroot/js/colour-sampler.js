// Measures hair or skin colour from a photo the practitioner chooses. The photo stays in the browser: it is drawn on a
// canvas, the practitioner drags over an even patch, and only that region's pixels (sampled down to at most 65,536)
// go to POST /api/v1/colour/measure, which answers with the median colour without highlights and shadows. The result
// is written into the named #rrggbb field (data-sample-into) and its "colour" choice is selected.
(() => {
    const maxSide = 2048;
    const maxPixels = 65536;

    for (const sampler of document.querySelectorAll("[data-sampler]")) {
        const file = sampler.querySelector("[data-sampler-file]");
        const stage = sampler.querySelector("[data-sampler-stage]");
        const canvas = sampler.querySelector("[data-sampler-canvas]");
        const status = sampler.querySelector("[data-sampler-status]");
        const buttons = [...sampler.querySelectorAll("[data-sample-into]")];
        const token = sampler.dataset.token ?? "";
        const view = canvas.getContext("2d");
        const source = document.createElement("canvas");
        const pixels = source.getContext("2d", { willReadFrequently: true });
        let target = null;
        let start = null;
        let latest = 0;

        const say = (text) => { status.textContent = text; };

        const redraw = (box) => {
            view.drawImage(source, 0, 0);
            if (box) {
                view.lineWidth = Math.max(2, canvas.width / 300);
                view.strokeStyle = "#ffffff";
                view.strokeRect(box.x, box.y, box.w, box.h);
                view.setLineDash([view.lineWidth * 3, view.lineWidth * 3]);
                view.strokeStyle = "#111111";
                view.strokeRect(box.x, box.y, box.w, box.h);
                view.setLineDash([]);
            }
        };

        const point = (event) => {
            const rect = canvas.getBoundingClientRect();
            return {
                x: Math.min(canvas.width, Math.max(0, (event.clientX - rect.left) * canvas.width / rect.width)),
                y: Math.min(canvas.height, Math.max(0, (event.clientY - rect.top) * canvas.height / rect.height)),
            };
        };

        const boxFrom = (a, b) => ({
            x: Math.round(Math.min(a.x, b.x)), y: Math.round(Math.min(a.y, b.y)),
            w: Math.round(Math.abs(a.x - b.x)), h: Math.round(Math.abs(a.y - b.y)),
        });

        file.addEventListener("change", () => {
            const chosen = file.files?.[0];
            if (!chosen) {
                return;
            }

            const image = new Image();
            const url = URL.createObjectURL(chosen);
            image.onload = () => {
                const scale = Math.min(1, maxSide / Math.max(image.naturalWidth, image.naturalHeight));
                source.width = canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
                source.height = canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
                pixels.drawImage(image, 0, 0, source.width, source.height);
                URL.revokeObjectURL(url);
                redraw(null);
                stage.hidden = false;
                buttons.forEach((b) => { b.disabled = false; });
                say(`Press ${buttons.map((b) => b.textContent.trim()).join(" or ")}, then drag over an even patch of the photo.`);
            };
            image.onerror = () => { URL.revokeObjectURL(url); say("That file could not be read as a photo. Choose a JPEG, PNG or WebP image."); };
            image.src = url;
        });

        for (const button of buttons) {
            button.addEventListener("click", () => {
                target = button.dataset.sampleInto;
                buttons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
                canvas.classList.add("is-sampling");
                say(`Drag over an even patch for: ${button.textContent.trim()}.`);
            });
        }

        canvas.addEventListener("pointerdown", (event) => {
            if (!target) {
                say(`First press ${buttons.map((b) => b.textContent.trim()).join(" or ")}.`);
                return;
            }

            start = point(event);
            canvas.setPointerCapture(event.pointerId);
            event.preventDefault();
        });

        canvas.addEventListener("pointermove", (event) => {
            if (start) {
                redraw(boxFrom(start, point(event)));
            }
        });

        canvas.addEventListener("pointerup", async (event) => {
            if (!start) {
                return;
            }

            const box = boxFrom(start, point(event));
            start = null;
            if (box.w < 4 || box.h < 4) {
                redraw(null);
                say("Drag a larger region: at least 4 × 4 pixels.");
                return;
            }

            const data = pixels.getImageData(box.x, box.y, box.w, box.h).data;
            const step = Math.max(1, Math.ceil(Math.sqrt((box.w * box.h) / maxPixels)));
            const rgb = [];
            for (let y = 0; y < box.h; y += step) {
                for (let x = 0; x < box.w; x += step) {
                    const i = ((y * box.w) + x) * 4;
                    rgb.push(data[i], data[i + 1], data[i + 2]);
                }
            }

            let binary = "";
            const bytes = Uint8Array.from(rgb);
            for (let i = 0; i < bytes.length; i += 0x8000) {
                binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }

            // The field is fixed now: pressing another button while this answer is on its way must not redirect it.
            const into = target;
            const request = ++latest;
            say("Measuring…");
            let response;
            try {
                response = await fetch("/api/v1/colour/measure", {
                    method: "POST",
                    headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
                    body: JSON.stringify({ pixels: btoa(binary) }),
                });
            } catch {
                say("The region could not be sent for measuring; check the connection and drag again.");
                return;
            }

            const answer = await response.json().catch(() => null);
            if (request !== latest) {
                return; // a newer region was dragged meanwhile
            }

            if (!response.ok || !answer) {
                const problem = answer?.errors?.pixels?.[0] ?? answer?.title ?? "The region could not be measured.";
                say(problem);
                return;
            }

            const field = document.getElementById(into);
            field.value = answer.colour.hex;
            field.removeAttribute("aria-invalid");
            const error = field.closest(".field")?.querySelector(".field-error");
            if (error) {
                error.textContent = "";
            }

            field.dispatchEvent(new Event("input", { bubbles: true }));
            document.querySelectorAll(`input[type=radio][data-colour-for="${into}"]`).forEach((r) => { r.checked = true; });
            const what = (buttons.find((b) => b.dataset.sampleInto === into)?.textContent.trim() ?? "colour").replace(/^Measure\s+/i, "");
            say(`${what.charAt(0).toUpperCase()}${what.slice(1)} measured: ${answer.colour.hex} from ${answer.used.toLocaleString()} pixels (left out ${answer.droppedBright.toLocaleString()} highlights and ${answer.droppedDark.toLocaleString()} shadows).`);
        });
    }
})();
