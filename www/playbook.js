// The playbook switcher (the three presets) and the JSON editor, which shows
// the engine's validation error with its field path before anything is applied.
export class PlaybookEditor {
  /** getPreset(name), validate(pb) -> throws, apply(pb, name) -> Promise. */
  constructor({ select, editButton, dialog, textarea, error, applyButton }, { getPreset, validate, apply }) {
    Object.assign(this, { select, dialog, textarea, error, getPreset, validate, apply });
    this.current = null;
    select.addEventListener('change', async () => {
      const pb = await getPreset(select.value);
      await apply(pb, select.value);
    });
    editButton.addEventListener('click', () => {
      this.textarea.value = JSON.stringify(this.current, null, 2);
      this.showError(null);
      dialog.showModal();
    });
    applyButton.addEventListener('click', () => this.tryApply());
  }

  setCurrent(pb, name) {
    this.current = pb;
    this.select.value = name;
  }

  /** Shows every problem (one line each), not only the first. */
  showError(problems) {
    const list = !problems ? [] : Array.isArray(problems) ? problems : [problems];
    this.error.hidden = !list.length;
    this.error.replaceChildren();
    if (!list.length) return;
    const head = document.createElement('p');
    head.textContent = list.length === 1 ? 'The playbook has a problem:' : `The playbook has ${list.length} problems:`;
    const ul = document.createElement('ul');
    for (const p of list) {
      const li = document.createElement('li');
      li.textContent = p;
      ul.append(li);
    }
    this.error.append(head, ul);
  }

  async tryApply() {
    let pb;
    try {
      pb = JSON.parse(this.textarea.value);
    } catch (e) {
      this.showError(`JSON: ${e.message}`);
      return;
    }
    try {
      await this.validate(pb);
    } catch (e) {
      // Each problem starts with its field path, e.g. "steps[0].channel: ...". The
      // engine lists them all: in `errors` when it gives them apart, else one a line.
      const all = Array.isArray(e.errors) && e.errors.length
        ? e.errors.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message))
        : e.message.split(/\n|;\s+(?=[\w.[\]]+: )/).map((x) => x.trim()).filter(Boolean);
      this.showError(all);
      return;
    }
    this.showError(null);
    this.dialog.close();
    await this.apply(pb, 'custom');
  }
}
