// The signature pad on the consent signing page. Pointer events, so a finger, a stylus and a mouse all draw; the
// canvas keeps a transparent background so the PNG prints cleanly on the consent PDF. After every stroke the drawing
// is exported with canvas.toDataURL("image/png") into the hidden [data-signature-png] input, and the number of points
// drawn into [data-signature-points]: the server refuses fewer than 10 points, or an image with (almost) no ink.
// Strokes are kept in CSS pixels, so a resize or rotation redraws them sharply at the new size.
(() => {
    const minPoints = 10;
    const maxBackingWidth = 2400;
    const ink = "#14205a";

    for (const pad of document.querySelectorAll("[data-signature-pad]")) {
        const canvas = pad.querySelector("[data-signature-canvas]");
        const png = pad.querySelector("[data-signature-png]");
        const count = pad.querySelector("[data-signature-points]");
        const status = pad.querySelector("[data-signature-status]");
        const clear = pad.querySelector("[data-signature-clear]");
        const form = pad.closest("form");
        const context = canvas.getContext("2d");
        const strokes = [];
        let current = null;
        let pointer = null;
        let scale = 1;
        const defaultStatus = status.textContent;

        const points = () => strokes.reduce((sum, stroke) => sum + stroke.length, 0);

        const widthAt = (point) => 2.5 * (point.pen ? 0.6 + (0.8 * point.pressure) : 1);

        const drawSegment = (from, to) => {
            context.lineWidth = widthAt(to) * scale;
            context.beginPath();
            context.moveTo(from.x * scale, from.y * scale);
            context.lineTo(to.x * scale, to.y * scale);
            context.stroke();
        };

        const drawDot = (point) => {
            context.beginPath();
            context.arc(point.x * scale, point.y * scale, (widthAt(point) * scale) / 2, 0, Math.PI * 2);
            context.fill();
        };

        const redraw = () => {
            context.clearRect(0, 0, canvas.width, canvas.height);
            context.strokeStyle = ink;
            context.fillStyle = ink;
            context.lineCap = "round";
            context.lineJoin = "round";
            for (const stroke of strokes) {
                drawDot(stroke[0]);
                for (let i = 1; i < stroke.length; i++) {
                    drawSegment(stroke[i - 1], stroke[i]);
                }
            }
        };

        const save = () => {
            const total = points();
            count.value = String(total);
            png.value = total > 0 ? canvas.toDataURL("image/png") : "";
            canvas.removeAttribute("aria-invalid");
            status.textContent = total > 0 ? "Signed. Clear the box to sign again." : defaultStatus;
        };

        const resize = () => {
            const rect = canvas.getBoundingClientRect();
            if (rect.width === 0) {
                return;
            }

            scale = Math.min(window.devicePixelRatio || 1, maxBackingWidth / rect.width);
            canvas.width = Math.round(rect.width * scale);
            canvas.height = Math.round(rect.height * scale);
            redraw();
            if (strokes.length > 0) {
                save();
            }
        };

        const pointFrom = (event) => {
            const rect = canvas.getBoundingClientRect();
            return {
                x: Math.min(rect.width, Math.max(0, event.clientX - rect.left)),
                y: Math.min(rect.height, Math.max(0, event.clientY - rect.top)),
                pen: event.pointerType === "pen",
                pressure: event.pressure || 0.5,
            };
        };

        canvas.addEventListener("pointerdown", (event) => {
            if (event.button !== 0 && event.pointerType === "mouse") {
                return;
            }

            event.preventDefault();
            pointer = event.pointerId;
            try {
                // Keeps the stroke when the finger or pen leaves the box; harmless to lack.
                canvas.setPointerCapture(event.pointerId);
            } catch {
                // No capture (e.g. the pointer is already gone): the stroke still draws inside the box.
            }
            current = [pointFrom(event)];
            strokes.push(current);
            redraw();
        });

        canvas.addEventListener("pointermove", (event) => {
            if (!current || event.pointerId !== pointer) {
                return;
            }

            event.preventDefault();
            const events = typeof event.getCoalescedEvents === "function" ? event.getCoalescedEvents() : [event];
            for (const each of events.length > 0 ? events : [event]) {
                const point = pointFrom(each);
                drawSegment(current[current.length - 1], point);
                current.push(point);
            }
        });

        const end = (event) => {
            if (!current || event.pointerId !== pointer) {
                return;
            }

            if (canvas.hasPointerCapture(event.pointerId)) {
                canvas.releasePointerCapture(event.pointerId);
            }

            current = null;
            pointer = null;
            save();
        };
        canvas.addEventListener("pointerup", end);
        canvas.addEventListener("pointercancel", end);

        clear.addEventListener("click", () => {
            strokes.length = 0;
            current = null;
            pointer = null;
            redraw();
            save();
        });

        form?.addEventListener("submit", (event) => {
            if (points() < minPoints) {
                event.preventDefault();
                canvas.setAttribute("aria-invalid", "true");
                status.textContent = "Please sign in the box first.";
            }
        });

        new ResizeObserver(resize).observe(canvas);
        resize();
    }
})();
