// The design studio: one consultation's hairline and density design, edited on the scalp map and on the client's
// own photos, with the engine's dots redrawn after every change. The page (Features/DesignStudio/Studio.cshtml)
// supplies the starting document, the templates, the photos and the URLs as JSON; everything else happens here.

import { addZone, clone, type Design, insertHairlinePoint, polygonAreaCm2, removeHairlinePoint, removeZone, removeZoneVertex, round2, setSessionCount, zoneKinds, type ZoneKind } from "./design";
import { format, html } from "./dom";
import { hairlinePolyline, midlineY } from "./geometry";
import { History } from "./history";
import type { EditorHost, Landmark, Selection } from "./host";
import { MapView } from "./map-view";
import { Camera, guessAlignment, type PhotoInfo, PhotoView } from "./photo-view";
import { decodeDots, type DotSet, type LookChoice, type LookName, type LookParameters } from "./raster";

interface PageData {
  consultationId: string;
  canEdit: boolean;
  design: Design;
  basedOnVersion: number | null;
  templates: { key: string; label: string; design: Design }[];
  landmarks: Landmark[];
  look: LookParameters;
  photos: PhotoInfo[];
  urls: { render: string; versions: string; versionsPanel: string; alignment: string };
}

interface Report {
  totalDots: number;
  midFrontalPointMm: number;
  zones: { name: string; kind: string; areaCm2: number; targetDensityPerCm2: number; achievedDensityPerCm2: number; dots: number }[];
  sessions: { session: number; dots: number; cumulativeDots: number; cumulativeShare: number; estimatedMinutes: number }[];
  impressionsPerMinute: number;
  warnings: { field: string; message: string }[];
}

type FieldErrors = Record<string, string[]>;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`The design page has no #${id}.`);
  }
  return element as T;
}

class Studio implements EditorHost {
  readonly canEdit: boolean;
  readonly landmarks: Landmark[];
  readonly params: LookParameters;
  dots: DotSet | null = null;
  dotsDesign: Design | null = null;
  look: LookChoice = { look: "healed", years: 4, session: 99 };
  selection: Selection = null;

  private readonly history: History<Design>;
  private readonly token: string;
  private readonly map: MapView;
  private readonly after: PhotoView;
  private readonly before: PhotoView;
  private readonly camera = new Camera();
  private basedOnVersion: number | null;
  private savedDesign: Design;
  private photo: PhotoInfo | null = null;

  // The live preview: one request in flight at a time; changes made meanwhile are sent together when it returns.
  private changeSeq = 0;
  private pendingSince: number | null = null;
  private inFlight = false;
  private reportTimer = 0;
  private structureKey = "";

  constructor(private readonly data: PageData) {
    this.canEdit = data.canEdit;
    this.landmarks = data.landmarks;
    this.params = data.look;
    this.history = new History(data.design);
    this.savedDesign = data.design;
    this.basedOnVersion = data.basedOnVersion;
    this.token = document.querySelector<HTMLInputElement>("input[name=__RequestVerificationToken]")?.value ?? "";
    this.map = new MapView(byId("ds-map"), this);
    this.after = new PhotoView(byId("ds-photo-after"), this, this.camera, { showDots: true, interactive: true, label: "With the design" });
    this.before = new PhotoView(byId("ds-photo-before"), this, this.camera, { showDots: false, interactive: true, label: "Before" });
    this.after.onAlignmentChange = (final) => this.alignmentMoved(final);
    this.wireToolbar();
    this.wirePhotoControls();
    this.wireKeyboard();
    window.addEventListener("beforeunload", (event) => {
      if (this.dirty) {
        event.preventDefault();
      }
    });
    this.choosePhoto(data.photos.find((p) => p.angle === "front") ?? data.photos[0] ?? null);
    this.changed();
  }

  get design(): Design {
    return this.history.present;
  }

  private get dirty(): boolean {
    return this.canEdit && JSON.stringify(this.design) !== JSON.stringify(this.savedDesign);
  }

  // ---- EditorHost ---------------------------------------------------------------------------------------------

  select(selection: Selection): void {
    this.selection = selection;
    this.changed(false);
  }

  edit(design: Design): void {
    if (!this.canEdit) {
      return;
    }
    this.history.edit(design);
    this.changed();
  }

  endEdit(): void {
    this.history.endEdit();
    this.updateUndoButtons();
  }

  apply(design: Design): void {
    if (!this.canEdit) {
      return;
    }
    this.history.apply(design);
    this.changed();
  }

  removeSelectedPoint(): void {
    const s = this.selection;
    if (s?.kind === "hairline") {
      this.apply(removeHairlinePoint(this.design, s.index));
      this.selection = { kind: "hairline", index: Math.min(s.index, this.design.hairline.points.length - 1) };
    } else if (s?.kind === "zone" && s.vertex !== null) {
      this.apply(removeZoneVertex(this.design, s.zone, s.vertex));
      this.selection = { kind: "zone", zone: s.zone, vertex: null };
    }
    this.changed(false);
  }

  // ---- Change propagation -------------------------------------------------------------------------------------

  /** Redraws what depends on the document; with fetch, asks the engine for new dots. */
  private changed(fetchDots = true): void {
    if (this.selection?.kind === "zone" && this.selection.zone >= this.design.zones.length) {
      this.selection = null;
    }
    if (this.selection?.kind === "hairline" && this.selection.index >= this.design.hairline.points.length) {
      this.selection = null;
    }
    // Ask for the dots first, then redraw what does not need them (lines, handles, fields) while they are on the way;
    // the pictures are redrawn once, when the dots arrive.
    if (fetchDots) {
      this.changeSeq++;
      this.pendingSince ??= performance.now();
      if (!this.inFlight) {
        void this.fetchDots();
      }
    }
    this.map.drawShapes();
    this.after.drawOverlay();
    this.renderPanel();
    this.updateUndoButtons();
    this.updateLiveFigures();
    this.updateSessionChoice();
  }

  private async fetchDots(): Promise<void> {
    this.inFlight = true;
    const seq = this.changeSeq;
    const since = this.pendingSince ?? performance.now();
    this.pendingSince = null;
    const design = this.design;
    try {
      const response = await fetch(this.data.urls.render, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/octet-stream", RequestVerificationToken: this.token },
        body: JSON.stringify(design),
      });
      if (response.ok) {
        const dots = decodeDots(await response.arrayBuffer());
        this.showErrors({});
        await new Promise<void>((resolve) => requestAnimationFrame(() => {
          this.dots = dots;
          this.dotsDesign = design;
          this.map.drawDots();
          this.after.drawPicture();
          // From the oldest change this frame answers to the frame drawn (docs/PERFORMANCE.md, "Design studio").
          performance.measure("design-update", { start: since, end: performance.now(), detail: { dots: dots.count, seq } });
          byId("ds-dot-count").textContent = dots.count.toLocaleString("en-GB");
          resolve();
        }));
      } else if (response.status === 400) {
        const problem = (await response.json()) as { errors?: FieldErrors };
        this.showErrors(problem.errors ?? {});
      } else {
        this.showErrors({ "": [`The preview could not be drawn (${response.status}). Your design is unchanged.`] });
      }
    } catch {
      this.showErrors({ "": ["The preview could not reach the server. Your design is unchanged; it will redraw after the next change."] });
    } finally {
      this.inFlight = false;
    }
    if (this.changeSeq > seq) {
      void this.fetchDots();
    } else {
      window.clearTimeout(this.reportTimer);
      this.reportTimer = window.setTimeout(() => void this.fetchReport(), 250);
    }
  }

  private async fetchReport(): Promise<void> {
    const design = this.design;
    const response = await fetch(this.data.urls.render, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: this.token },
      body: JSON.stringify(design),
    }).catch(() => null);
    if (response?.ok && design === this.design) {
      this.renderReport((await response.json()) as Report);
    }
  }

  /** Redraws the dots in a new look, session or zoom: no request, the dots are already here. */
  private redraw(): void {
    const start = performance.now();
    this.map.drawDots();
    this.after.render();
    this.before.render();
    performance.measure("design-redraw", { start, end: performance.now() });
  }

  // ---- Toolbar: templates, undo, save -------------------------------------------------------------------------

  private wireToolbar(): void {
    const template = byId<HTMLSelectElement>("ds-template");
    for (const t of this.data.templates) {
      template.append(html("option", { value: t.key }, t.label));
    }
    byId("ds-template-apply").addEventListener("click", () => {
      const chosen = this.data.templates.find((t) => t.key === template.value);
      if (chosen) {
        this.selection = null;
        this.apply(clone(chosen.design));
        this.status(`Started from the ${chosen.label.toLowerCase()} template. Undo brings your design back.`);
      }
    });
    byId("ds-undo").addEventListener("click", () => this.undo());
    byId("ds-redo").addEventListener("click", () => this.redo());
    byId<HTMLFormElement>("ds-save").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
  }

  private undo(): void {
    if (this.history.undo()) {
      this.changed();
    }
  }

  private redo(): void {
    if (this.history.redo()) {
      this.changed();
    }
  }

  private updateUndoButtons(): void {
    byId<HTMLButtonElement>("ds-undo").disabled = !this.history.canUndo;
    byId<HTMLButtonElement>("ds-redo").disabled = !this.history.canRedo;
    const saveButton = document.querySelector<HTMLButtonElement>("#ds-save button[type=submit]");
    if (saveButton) {
      saveButton.disabled = !this.canEdit;
    }
    byId("ds-unsaved").hidden = !this.dirty;
  }

  private async save(): Promise<void> {
    const note = byId<HTMLInputElement>("ds-note");
    const design = this.design;
    this.status("Saving…");
    const response = await fetch(this.data.urls.versions, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: this.token },
      body: JSON.stringify({ note: note.value, design }),
    }).catch(() => null);
    if (!response) {
      this.status("The version could not be saved: the server did not answer. Your design is still here; try again.", true);
      return;
    }
    if (response.status === 201) {
      const version = (await response.json()) as { number: number };
      this.savedDesign = design;
      this.basedOnVersion = version.number;
      note.value = "";
      this.status(`Saved as version ${version.number}.`);
      this.updateUndoButtons();
      await this.refreshVersions();
      return;
    }
    if (response.status === 400) {
      const problem = (await response.json()) as { errors?: FieldErrors };
      const errors: FieldErrors = {};
      for (const [key, messages] of Object.entries(problem.errors ?? {})) {
        errors[key.replace(/^design\.?/, "")] = messages;
      }
      this.showErrors(errors);
      this.status("Not saved: correct the fields marked below. Nothing you entered was lost.", true);
      return;
    }
    this.status(`The version could not be saved (${response.status}). Your design is still here.`, true);
  }

  private async refreshVersions(): Promise<void> {
    const response = await fetch(this.data.urls.versionsPanel, { headers: { Accept: "text/html" } }).catch(() => null);
    if (response?.ok) {
      byId("design-versions").innerHTML = await response.text();
    }
  }

  private status(message: string, error = false): void {
    const element = byId("ds-status");
    element.textContent = message;
    element.classList.toggle("is-error", error);
  }

  // ---- Photos: choice, alignment, look, zoom ------------------------------------------------------------------

  private wirePhotoControls(): void {
    const picker = byId("ds-photo-picker");
    for (const photo of this.data.photos) {
      const button = html("button", { type: "button", class: "btn btn-small", "data-photo": photo.id, "aria-pressed": "false" }, photo.label);
      button.addEventListener("click", () => this.choosePhoto(photo));
      picker.append(button);
    }
    byId("ds-mode-align").addEventListener("click", () => this.setMode(this.after.mode === "align" ? "design" : "align"));
    byId("ds-align-save").addEventListener("click", () => void this.saveAlignment());
    byId("ds-align-reset").addEventListener("click", () => {
      if (this.photo) {
        this.after.alignment = this.photo.alignment ? structuredClone(this.photo.alignment) : guessAlignment(this.photo.angle);
        this.before.alignment = this.after.alignment;
        this.after.render();
        this.alignmentStatus("");
      }
    });
    for (const input of document.querySelectorAll<HTMLInputElement>("input[name=ds-look]")) {
      input.addEventListener("change", () => {
        this.look = { ...this.look, look: input.value as LookName };
        byId<HTMLInputElement>("ds-years").disabled = input.value !== "aged";
        this.redraw();
      });
    }
    byId<HTMLInputElement>("ds-years").addEventListener("input", (event) => {
      const years = Number((event.target as HTMLInputElement).value);
      if (Number.isFinite(years) && years >= 0 && years <= 20) {
        this.look = { ...this.look, years };
        this.redraw();
      }
    });
    byId<HTMLSelectElement>("ds-session").addEventListener("change", (event) => {
      this.look = { ...this.look, session: Number((event.target as HTMLSelectElement).value) };
      this.redraw();
    });
    byId<HTMLInputElement>("ds-before-after").addEventListener("change", (event) => {
      const on = (event.target as HTMLInputElement).checked;
      byId("ds-photos").classList.toggle("is-split", on);
      byId("ds-photo-before").hidden = !on;
      this.camera.fit = this.camera.fit || on;
      this.redraw();
    });
    byId<HTMLSelectElement>("ds-zoom").addEventListener("change", (event) => {
      const value = (event.target as HTMLSelectElement).value;
      if (value === "fit") {
        this.camera.fit = true;
        this.camera.changed();
        return;
      }
      // "1:1" is one photo pixel per screen pixel.
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const [w, h] = this.after.stageSize();
      const [px, py] = this.after.focusPoint();
      this.camera.zoomTo(Number(value) / ratio, w, h, px, py);
    });
  }

  private choosePhoto(photo: PhotoInfo | null): void {
    this.photo = photo;
    byId("ds-photos").hidden = photo === null;
    byId("ds-no-photo").hidden = photo !== null;
    for (const button of document.querySelectorAll<HTMLButtonElement>("#ds-photo-picker button")) {
      button.setAttribute("aria-pressed", String(button.dataset["photo"] === photo?.id));
    }
    if (!photo) {
      return;
    }
    const image = new Image();
    image.decoding = "async";
    image.src = photo.url;
    image.decode().then(() => {
      if (this.photo !== photo) {
        return;
      }
      const alignment = photo.alignment ? structuredClone(photo.alignment) : guessAlignment(photo.angle);
      for (const view of [this.after, this.before]) {
        view.photo = photo;
        view.image = image;
        view.alignment = alignment;
      }
      this.camera.fit = true;
      this.setMode(photo.alignment ? "design" : "align");
      byId("ds-photos").dataset["ready"] = photo.id;
    }).catch(() => this.alignmentStatus("This photo could not be shown. Try uploading it again.", true));
  }

  private setMode(mode: "design" | "align"): void {
    this.after.mode = mode;
    const button = byId("ds-mode-align");
    button.setAttribute("aria-pressed", String(mode === "align"));
    button.textContent = mode === "align" ? "Done aligning" : "Align photo";
    byId("ds-align-actions").hidden = mode !== "align";
    if (mode === "align") {
      this.alignmentStatus(this.photo?.alignment ? "Drag the four handles if they are off, then save." : "This photo is not aligned yet: drag the four handles onto the client's glabella, temporal points and vertex, then save.");
    } else {
      this.alignmentStatus("");
    }
    this.after.render();
    this.before.render();
  }

  private alignmentMoved(final: boolean): void {
    this.before.alignment = this.after.alignment;
    this.after.render();
    if (final) {
      this.before.render();
      byId("ds-align-save").classList.add("btn-primary");
    }
  }

  private async saveAlignment(): Promise<void> {
    const photo = this.photo;
    const alignment = this.after.alignment;
    if (!photo || !alignment) {
      return;
    }
    const response = await fetch(this.data.urls.alignment.replace("{id}", photo.id), {
      method: "PUT",
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: this.token },
      body: JSON.stringify(alignment),
    }).catch(() => null);
    if (response?.ok) {
      photo.alignment = structuredClone(alignment);
      byId("ds-align-save").classList.remove("btn-primary");
      this.setMode("design");
      this.alignmentStatus(`Alignment of the ${photo.label.toLowerCase()} photo saved.`);
      return;
    }
    if (response?.status === 400) {
      const problem = (await response.json()) as { errors?: FieldErrors };
      const messages = Object.values(problem.errors ?? {}).flat();
      this.alignmentStatus(messages.join(" ") || "The alignment was refused.", true);
      return;
    }
    this.alignmentStatus("The alignment could not be saved. The handles stay where you put them; try again.", true);
  }

  private alignmentStatus(message: string, error = false): void {
    const element = byId("ds-align-status");
    element.textContent = message;
    element.classList.toggle("is-error", error);
  }

  private wireKeyboard(): void {
    document.addEventListener("keydown", (event) => {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]")) {
        return;
      }
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === "z") {
        event.preventDefault();
        if (event.shiftKey) {
          this.redo();
        } else {
          this.undo();
        }
      } else if (mod && event.key.toLowerCase() === "y") {
        event.preventDefault();
        this.redo();
      }
    });
  }

  // ---- The properties panel -----------------------------------------------------------------------------------

  /** Rebuilds the panel when its shape changes (zones, sessions, selection); otherwise refreshes the values only. */
  private renderPanel(): void {
    const d = this.design;
    const key = JSON.stringify([d.zones.map((z) => z.polygon.length), d.hairline.points.length, d.sessions.count, this.selection, this.canEdit]);
    if (key !== this.structureKey) {
      this.structureKey = key;
      this.buildPanel();
    }
    const active = document.activeElement;
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("#ds-panel [data-bind]")) {
      if (input === active) {
        continue;
      }
      const value = readPath(d, input.dataset["bind"]!);
      const scale = Number(input.dataset["scale"] ?? "1");
      input.value = typeof value === "number" ? String(round2(value / scale)) : String(value ?? "");
    }
    for (const output of document.querySelectorAll<HTMLElement>("#ds-panel [data-area]")) {
      const zone = d.zones[Number(output.dataset["area"])];
      output.textContent = zone ? `${format(polygonAreaCm2(zone.polygon))} cm² drawn` : "";
    }
  }

  private buildPanel(): void {
    const panel = byId("ds-panel");
    const focusedId = document.activeElement?.id ?? "";
    panel.replaceChildren();
    const d = this.design;
    const disabled = !this.canEdit;

    const selected = html("fieldset", { class: "ds-fieldset" });
    selected.append(html("legend", {}, "Selected point"));
    const s = this.selection;
    if (s?.kind === "hairline") {
      selected.append(html("p", { class: "field-hint" }, `Hairline point ${s.index + 1} of ${d.hairline.points.length}. Drag it on the map or the photo, or type its position.`));
      const row = html("div", { class: "field-row" });
      row.append(this.numberField(`hairline.points.${s.index}.0`, "Across (mm)", -170, 170, 0.5, "Negative is the client's right."),
        this.numberField(`hairline.points.${s.index}.1`, "Back from the glabella (mm)", 0, 340, 0.5));
      selected.append(row);
      const actions = html("div", { class: "ds-actions" });
      actions.append(this.button("Add a point beside it", () => {
        const inserted = insertHairlinePoint(this.design, s.index);
        this.apply(inserted.design);
        this.select({ kind: "hairline", index: inserted.index });
      }, disabled), this.button("Remove point", () => this.removeSelectedPoint(), disabled || d.hairline.points.length <= 3));
      selected.append(actions);
    } else if (s?.kind === "zone" && s.vertex !== null) {
      const zone = d.zones[s.zone]!;
      selected.append(html("p", { class: "field-hint" }, `${zone.name}, corner ${s.vertex + 1} of ${zone.polygon.length}.`));
      const row = html("div", { class: "field-row" });
      row.append(this.numberField(`zones.${s.zone}.polygon.${s.vertex}.0`, "Across (mm)", -170, 170, 0.5),
        this.numberField(`zones.${s.zone}.polygon.${s.vertex}.1`, "Back (mm)", 0, 340, 0.5));
      selected.append(row, this.button("Remove corner", () => this.removeSelectedPoint(), disabled || zone.polygon.length <= 3));
    } else {
      selected.append(html("p", { class: "field-hint" }, "Select a hairline point or a zone corner on the map to type its position. Arrow keys move a focused point by 1 mm (5 mm with Shift); Delete removes it."));
    }
    panel.append(selected);

    const hairline = html("fieldset", { class: "ds-fieldset" });
    hairline.append(html("legend", {}, "Hairline and transition"));
    const row1 = html("div", { class: "field-row" });
    row1.append(this.selectField("hairline.style", "Hairline rules", [{ value: "male", label: "Male" }, { value: "female", label: "Female" }]),
      this.numberField("transition.depthMm", "Transition depth (mm)", 5, 10, 0.5, "How far behind the line the density reaches full."));
    const row2 = html("div", { class: "field-row" });
    row2.append(this.numberField("transition.startFraction", "Density at the line (%)", 30, 50, 1, undefined, 0.01),
      this.numberField("transition.irregularityMm", "Irregularity (mm)", 0, 3, 0.1),
      this.numberField("transition.sentinelsPer10Mm", "Sentinel dots per 10 mm", 0, 5, 0.1));
    hairline.append(row1, row2);
    panel.append(hairline);

    const sessions = html("fieldset", { class: "ds-fieldset" });
    sessions.append(html("legend", {}, "Sessions"));
    const count = html("select", { id: "ds-f-sessions-count", "aria-describedby": "ds-f-sessions-count-hint" });
    for (let n = 1; n <= 4; n++) {
      count.append(html("option", { value: String(n) }, `${n} session${n > 1 ? "s" : ""}`));
    }
    count.value = String(d.sessions.count);
    count.disabled = disabled;
    count.addEventListener("change", () => this.apply(setSessionCount(this.design, Number(count.value))));
    const countField = html("div", { class: "field" });
    countField.append(html("label", { for: "ds-f-sessions-count" }, "Number of sessions"), count,
      html("span", { class: "field-hint", id: "ds-f-sessions-count-hint" }, "Changing it resets the ramp and shades to the defaults."));
    sessions.append(countField);
    const ramp = html("div", { class: "field-row" });
    for (let k = 0; k < d.sessions.count; k++) {
      ramp.append(k === d.sessions.count - 1
        ? this.staticField(`After session ${k + 1}`, "100 % of the density")
        : this.numberField(`sessions.ramp.${k}`, `After session ${k + 1} (% of density)`, 1, 99, 1, undefined, 0.01));
    }
    const strength = html("div", { class: "field-row" });
    for (let k = 0; k < d.sessions.count; k++) {
      strength.append(this.numberField(`sessions.shadeStrength.${k}`, `Session ${k + 1} shade (%)`, 20, 100, 1, undefined, 0.01));
    }
    sessions.append(ramp, strength);
    panel.append(sessions);

    const zones = html("fieldset", { class: "ds-fieldset" });
    zones.append(html("legend", {}, "Zones"));
    d.zones.forEach((zone, z) => {
      const isSelected = s?.kind === "zone" && s.zone === z;
      const box = html("div", { class: `ds-zone-box${isSelected ? " is-selected" : ""}`, "data-zone": String(z) });
      const head = html("div", { class: "ds-zone-head" });
      const pick = this.button(isSelected ? `Editing ${zone.name}` : `Edit ${zone.name} on the map`, () => this.select({ kind: "zone", zone: z, vertex: null }), false);
      pick.setAttribute("aria-pressed", String(isSelected));
      head.append(pick, html("span", { class: "ds-zone-area", "data-area": String(z) }));
      box.append(head);
      const rowA = html("div", { class: "field-row" });
      rowA.append(this.textField(`zones.${z}.name`, "Name"), this.selectField(`zones.${z}.kind`, "Kind", zoneKinds));
      box.append(rowA);
      if (zone.kind !== "exclusion") {
        const rowB = html("div", { class: "field-row" });
        rowB.append(this.numberField(`zones.${z}.densityPerCm2`, "Density (per cm²)", 20, 150, 1),
          this.numberField(`zones.${z}.dotDiameterMm`, "Healed dot (mm)", 0.05, 0.35, 0.01),
          this.colourField(`zones.${z}.shade`, "Shade"));
        box.append(rowB);
      }
      box.append(this.button(`Delete ${zone.name}`, () => {
        this.selection = null;
        this.apply(removeZone(this.design, z));
      }, disabled || d.zones.length <= 1));
      zones.append(box);
    });
    const add = html("div", { class: "ds-actions" });
    const kind = html("select", { id: "ds-add-kind", "aria-label": "Kind of zone to add" });
    for (const k of zoneKinds) {
      kind.append(html("option", { value: k.value }, k.label));
    }
    kind.value = "scar";
    kind.disabled = disabled;
    add.append(kind, this.button("Add zone", () => {
      const added = addZone(this.design, kind.value as ZoneKind, 0, 150);
      this.apply(added.design);
      this.select({ kind: "zone", zone: added.index, vertex: null });
    }, disabled || d.zones.length >= 32));
    zones.append(add);
    panel.append(zones);

    if (focusedId) {
      document.getElementById(focusedId)?.focus();
    }
  }

  private fieldId(path: string): string {
    return `ds-f-${path.replace(/\./g, "-")}`;
  }

  private wrap(path: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
    const field = html("div", { class: "field" });
    const id = this.fieldId(path);
    field.append(html("label", { for: id }, label), control);
    if (hint) {
      const hintId = `${id}-hint`;
      control.setAttribute("aria-describedby", hintId);
      field.append(html("span", { class: "field-hint", id: hintId }, hint));
    }
    field.append(html("span", { class: "field-error", "data-error-for": path, role: "alert" }));
    return field;
  }

  /** A number field bound to a path; 'scale' converts what is shown (e.g. %) to what is stored (a fraction). */
  private numberField(path: string, label: string, min: number, max: number, step: number, hint?: string, scale = 1): HTMLElement {
    const input = html("input", {
      id: this.fieldId(path), type: "number", inputmode: "decimal", min: String(min), max: String(max), step: String(step),
      "data-bind": path, "data-scale": String(scale),
    });
    input.disabled = !this.canEdit;
    input.addEventListener("input", () => {
      const value = Number(input.value.replace(",", "."));
      if (input.value.trim() === "" || !Number.isFinite(value)) {
        this.fieldError(path, "Enter a number.");
        return;
      }
      this.fieldError(path, "");
      this.edit(writePath(this.design, path, round2(value * scale * 1e4) / 1e4));
    });
    input.addEventListener("change", () => this.endEdit());
    return this.wrap(path, label, input, hint);
  }

  private textField(path: string, label: string): HTMLElement {
    const input = html("input", { id: this.fieldId(path), type: "text", maxlength: "60", "data-bind": path });
    input.disabled = !this.canEdit;
    input.addEventListener("input", () => this.edit(writePath(this.design, path, input.value)));
    input.addEventListener("change", () => this.endEdit());
    return this.wrap(path, label, input);
  }

  private colourField(path: string, label: string): HTMLElement {
    const input = html("input", { id: this.fieldId(path), type: "color", "data-bind": path });
    input.disabled = !this.canEdit;
    input.addEventListener("input", () => this.edit(writePath(this.design, path, input.value)));
    input.addEventListener("change", () => this.endEdit());
    return this.wrap(path, label, input);
  }

  private selectField(path: string, label: string, options: { value: string; label: string }[]): HTMLElement {
    const select = html("select", { id: this.fieldId(path), "data-bind": path });
    for (const o of options) {
      select.append(html("option", { value: o.value }, o.label));
    }
    select.disabled = !this.canEdit;
    select.addEventListener("change", () => this.apply(writePath(this.design, path, select.value)));
    return this.wrap(path, label, select);
  }

  private staticField(label: string, value: string): HTMLElement {
    const field = html("div", { class: "field" });
    field.append(html("span", { class: "field-label" }, label), html("span", { class: "field-static" }, value));
    return field;
  }

  private button(label: string, onClick: () => void, disabled: boolean): HTMLButtonElement {
    const button = html("button", { type: "button", class: "btn btn-small" }, label);
    button.disabled = disabled;
    button.addEventListener("click", onClick);
    return button;
  }

  private fieldError(path: string, message: string): void {
    const slot = document.querySelector<HTMLElement>(`#ds-panel [data-error-for="${CSS.escape(path)}"]`);
    if (slot) {
      slot.textContent = message;
    }
    document.getElementById(this.fieldId(path))?.setAttribute("aria-invalid", String(message !== ""));
  }

  /** Shows the engine's field errors (keyed by JSON path, e.g. zones[0].densityPerCm2) beside their fields and in a list. */
  private showErrors(errors: FieldErrors): void {
    const list = byId("ds-errors");
    list.replaceChildren();
    for (const slot of document.querySelectorAll<HTMLElement>("#ds-panel [data-error-for]")) {
      if (slot.dataset["local"] !== "1") {
        slot.textContent = "";
      }
    }
    for (const input of document.querySelectorAll("#ds-panel [aria-invalid=true]")) {
      input.setAttribute("aria-invalid", "false");
    }
    const entries = Object.entries(errors);
    list.hidden = entries.length === 0;
    if (entries.length === 0) {
      return;
    }
    list.append(html("p", {}, "The preview shows the last valid design until these are put right:"));
    const items = html("ul");
    for (const [key, messages] of entries) {
      const path = key.replace(/\[(\d+)\]/g, ".$1");
      const label = path ? document.querySelector<HTMLLabelElement>(`#ds-panel label[for="${this.fieldId(path)}"]`)?.textContent ?? describePath(this.design, path) : "";
      for (const message of messages) {
        items.append(html("li", {}, label ? `${label}: ${message}` : message));
      }
      for (const slot of document.querySelectorAll<HTMLElement>("#ds-panel [data-error-for]")) {
        const bound = slot.dataset["errorFor"]!;
        if (path !== "" && (bound === path || bound.startsWith(`${path}.`))) {
          slot.textContent = messages.join(" ");
          document.getElementById(this.fieldId(bound))?.setAttribute("aria-invalid", "true");
        }
      }
    }
    list.append(items);
  }

  /** The "after session" choice follows the plan's number of sessions; the last is the completed design. */
  private updateSessionChoice(): void {
    const select = byId<HTMLSelectElement>("ds-session");
    const count = this.design.sessions.count;
    if (select.options.length === count) {
      return;
    }
    const chosen = Math.min(this.look.session, count);
    select.replaceChildren();
    for (let k = 1; k <= count; k++) {
      select.append(html("option", { value: String(k) }, k === count ? `${k} of ${count} (completed)` : `${k} of ${count}`));
    }
    select.value = String(chosen);
    this.look = { ...this.look, session: chosen === count ? 99 : chosen };
    select.options[select.options.length - 1]!.value = "99";
    if (chosen === count) {
      select.value = "99";
    }
  }

  // ---- Figures ------------------------------------------------------------------------------------------------

  /** What can be known without the engine: the mid-frontal point's height. */
  private updateLiveFigures(): void {
    const mid = midlineY(hairlinePolyline(this.design.hairline.points));
    byId("ds-mfp").textContent = mid === null ? "—" : `${format(mid / 10, 1)} cm`;
    byId("ds-version-basis").textContent = this.basedOnVersion === null ? "Not saved yet" : `Based on version ${this.basedOnVersion}`;
  }

  private renderReport(report: Report): void {
    const root = byId("ds-report");
    root.replaceChildren();
    const zones = html("table", { class: "table ds-report-zones" });
    zones.append(html("caption", {}, "Zones (area behind the hairline)"));
    const zhead = html("tr");
    for (const h of ["Zone", "Area", "Target", "Achieved", "Dots"]) {
      zhead.append(html("th", { scope: "col" }, h));
    }
    zones.append(zhead);
    for (const z of report.zones) {
      const row = html("tr");
      row.append(html("th", { scope: "row" }, z.name), html("td", {}, `${format(z.areaCm2)} cm²`),
        html("td", {}, z.kind === "exclusion" ? "—" : `${format(z.targetDensityPerCm2, 0)}/cm²`),
        html("td", {}, z.kind === "exclusion" ? "—" : `${format(z.achievedDensityPerCm2, 0)}/cm²`),
        html("td", {}, z.dots.toLocaleString("en-GB")));
      zones.append(row);
    }
    const sessions = html("table", { class: "table ds-report-sessions" });
    sessions.append(html("caption", {}, `Sessions (at ${format(report.impressionsPerMinute, 0)} impressions a minute)`));
    const shead = html("tr");
    for (const h of ["Session", "Impressions", "Cumulative", "Needling time"]) {
      shead.append(html("th", { scope: "col" }, h));
    }
    sessions.append(shead);
    for (const s of report.sessions) {
      const row = html("tr");
      row.append(html("th", { scope: "row" }, String(s.session)), html("td", {}, s.dots.toLocaleString("en-GB")),
        html("td", {}, `${Math.round(s.cumulativeShare * 100)} %`), html("td", {}, minutes(s.estimatedMinutes)));
      sessions.append(row);
    }
    root.append(zones, sessions);
    if (report.warnings.length > 0) {
      const warnings = html("ul", { class: "ds-warnings" });
      for (const w of report.warnings) {
        warnings.append(html("li", {}, w.message));
      }
      root.append(warnings);
    }
    byId("ds-dot-count").textContent = report.totalDots.toLocaleString("en-GB");
  }
}

function minutes(value: number): string {
  const total = Math.round(value);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

function readPath(design: Design, path: string): unknown {
  let node: unknown = design;
  for (const part of path.split(".")) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node;
}

function writePath(design: Design, path: string, value: unknown): Design {
  const next = clone(design);
  const parts = path.split(".");
  let node = next as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
  return next;
}

function describePath(design: Design, path: string): string {
  const zone = /^zones\.(\d+)/.exec(path);
  if (zone) {
    return design.zones[Number(zone[1])]?.name ?? "A zone";
  }
  if (path.startsWith("hairline")) {
    return "Hairline";
  }
  return path;
}

const dataElement = document.getElementById("design-studio-data");
if (dataElement?.textContent) {
  const studio = new Studio(JSON.parse(dataElement.textContent) as PageData);
  (window as unknown as { stippleDesignStudio: Studio }).stippleDesignStudio = studio;
}
