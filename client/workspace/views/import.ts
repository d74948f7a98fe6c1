import { html, nothing } from 'lit';
import { signedRating } from '../../../i18n/format.js';
import type { ImportReport } from '../../../server/schemas/evidence-import.js';
import { api } from '../api.js';
import { WorkspaceView } from '../workspace-view.js';

/**
 * Bulk import: the CSV is checked row by row on the server (a dry run that stores nothing)
 * and the report shown; only then can the volunteer create the valid rows, in one go.
 */
export class EvidenceImport extends WorkspaceView {
  static properties = {
    _csv: { state: true },
    _xlsx: { state: true },
    _report: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };
  declare _csv: string;
  /** A chosen .xlsx file, base64-encoded as the API takes it; null when the CSV text is used. */
  declare _xlsx: { name: string; base64: string } | null;
  declare _report: ImportReport | null;
  declare _busy: boolean;
  declare _error: string | null;

  constructor() {
    super();
    this._csv = '';
    this._xlsx = null;
    this._report = null;
    this._busy = false;
    this._error = null;
  }

  private async _onFile(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this._report = null;
    if (/\.xlsx$/i.test(file.name)) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      this._xlsx = { name: file.name, base64: btoa(binary) };
      this._csv = '';
    } else {
      this._xlsx = null;
      this._csv = await file.text();
    }
  }

  private async _run(dryRun: boolean) {
    const w = this.ws;
    if (!this._xlsx && !this._csv.trim()) {
      this._error = w.import.empty;
      return;
    }
    this._busy = true;
    this._error = null;
    const res = await api<ImportReport>(
      'POST',
      `/api/evidence/import?dryRun=${dryRun}`,
      this._xlsx ? { xlsx: this._xlsx.base64 } : { csv: this._csv },
    );
    this._busy = false;
    if (res.ok) this._report = res.body;
    else {
      this._report = null;
      this._error =
        res.status === 0 ? w.networkError : w.serverError(res.error.details?.map((d) => d.message).join('; ') || res.error.message);
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>(this._error ? '#import-error' : '#import-summary')?.focus();
  }

  render() {
    const w = this.ws;
    const t = w.import;
    const report = this._report;
    return html`<h1>${w.titles.import}</h1>
      <p class="lede">${t.intro}</p>
      <details class="panel">
        <summary>${t.columnsHeading}</summary>
        <dl class="columns-doc">${t.columns.map(([name, what]) => html`<div><dt><code>${name}</code></dt><dd>${what}</dd></div>`)}</dl>
      </details>
      <p><a href="/api/evidence/import/template.xlsx" download>${t.templateXlsx}</a> · <a href="/api/evidence/import/template.csv" download>${t.template}</a></p>
      <form class="ws-form" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        void this._run(true);
      }}>
        <div class="field"><label for="csv-file">${t.file}</label><input id="csv-file" type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" @change=${this._onFile}></div>
        <div class="field"><label for="csv-text">${t.paste}</label>
          <textarea id="csv-text" rows="6" spellcheck="false" .value=${this._csv} @input=${(e: Event) => {
            this._csv = (e.target as HTMLTextAreaElement).value;
            this._xlsx = null;
            this._report = null;
          }}></textarea></div>
        <div class="actions"><button type="submit" class="button" ?disabled=${this._busy}>${this._busy ? t.checking : t.check}</button></div>
      </form>
      ${this._error ? html`<p class="form-error" id="import-error" role="alert" tabindex="-1">${this._error}</p>` : nothing}
      ${report ? this._renderReport(report) : nothing}`;
  }

  private _renderReport(report: ImportReport) {
    const t = this.ws.import;
    return html`<section aria-labelledby="import-summary">
      <h2 id="import-summary" tabindex="-1">${report.dryRun ? t.summary(report.valid, report.invalid) : t.created(report.created)}</h2>
      ${
        report.dryRun
          ? report.valid - report.skipped > 0
            ? html`<p>${report.invalid ? t.skipNote(report.invalid) : nothing} ${report.skipped ? t.alreadyNote(report.skipped) : nothing}</p>
              <p><button type="button" class="button" id="import-create" ?disabled=${this._busy} @click=${() => this._run(false)}>${t.create(report.valid - report.skipped)}</button></p>`
            : html`<p>${t.noneValid}</p>`
          : nothing
      }
      <div class="table-scroll" role="region" aria-labelledby="import-rows-caption" tabindex="0">
      <table class="ws-table import-rows">
        <caption id="import-rows-caption">${t.rowsHeading}</caption>
        <thead><tr><th scope="col">${t.columnsLine}</th><th scope="col">${t.columnsStatus}</th><th scope="col">${t.columnsWhat}</th><th scope="col">${t.columnsProblems}</th></tr></thead>
        <tbody>
          ${report.rows.map(
            (row) => html`<tr data-line=${row.line} class=${row.ok ? 'row-ok' : 'row-bad'}>
              <th scope="row">${row.line}</th>
              <td><span class="status ${row.ok ? 'status--published' : 'status--rejected'}">${row.ok ? (row.id ? t.createdOk : t.ok) : t.bad}</span>
                ${row.alreadyImported !== null ? html`<br><a href="/workspace/evidence/${row.alreadyImported}">${t.alreadyImported(row.alreadyImported)}</a>` : nothing}
                ${row.alreadyImported === null && row.duplicates.length ? html`<br>${row.duplicates.map((id) => html`<a href="/workspace/evidence/${id}">${this.ws.duplicates.sameSource(id)}</a> `)}` : nothing}</td>
              <td>${
                row.entry
                  ? row.id
                    ? html`<a href="/workspace/evidence/${row.id}">${row.entry.title}</a>`
                    : t.what(
                        row.entry.title,
                        row.entry.subject,
                        this.msg.standardShort[row.entry.standard] ?? row.entry.standard,
                        signedRating(row.entry.rating),
                      )
                  : (row.title ?? nothing)
              }</td>
              <td>${row.problems.length ? html`<ul class="problems">${row.problems.map((p) => html`<li><code>${p.column}</code>: ${p.message}</li>`)}</ul>` : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
    </section>`;
  }
}
