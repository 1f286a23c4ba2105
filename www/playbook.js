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

  showError(msg) {
    this.error.hidden = !msg;
    this.error.textContent = msg || '';
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
      // The engine's message starts with the field path, e.g. "steps[0].channel: ...".
      this.showError(e.message);
      return;
    }
    this.showError(null);
    this.dialog.close();
    await this.apply(pb, 'custom');
  }
}
