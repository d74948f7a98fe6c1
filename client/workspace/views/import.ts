import { html, nothing } from 'lit';
import { signedRating } from '../../../i18n/format.js';
import type { ImportReport } from '../../../server/schemas/evidence-import.js';
import { api, inPageLanguage } from '../api.js';
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
    else if (res.status === 429 && 'left' in res.error) {
      // Past the day's limit (issue 14): said from the numbers, in the page's language.
      const rows = this._report ? this._report.valid - this._report.skipped : 0;
      this._error = w.records.notEnough(rows, Number(res.error.left));
    } else {
      this._report = null;
      this._error =
        res.status === 0
          ? w.networkError
          : w.serverError(res.error.details?.map((d) => inPageLanguage(d.message)).join('; ') || res.error.message);
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

  /**
   * The report as one card per row (issue 14): the row's number and title as the spreadsheet
   * shows them, its status, what it will create, and each problem with its column, readable on
   * a 360 px phone without scrolling sideways.
   */
  private _renderReport(report: ImportReport) {
    const t = this.ws.import;
    const r = this.ws.records;
    const fresh = report.valid - report.skipped;
    const fits = report.allowance.enough;
    return html`<section aria-labelledby="import-summary">
      <h2 id="import-summary" tabindex="-1">${report.dryRun ? t.summary(report.valid, report.invalid) : t.created(report.created)}</h2>
      <p id="import-allowance">${r.allowance(report.allowance.left, report.allowance.limit)}</p>
      ${
        report.dryRun
          ? fresh > 0
            ? html`<p>${report.invalid ? t.skipNote(report.invalid) : nothing} ${report.skipped ? t.alreadyNote(report.skipped) : nothing}</p>
              ${fits ? nothing : html`<p class="form-error" role="alert">${r.notEnough(fresh, report.allowance.left)}</p>`}
              <p><button type="button" class="button" id="import-create" ?disabled=${this._busy || !fits} @click=${() => this._run(false)}>${t.create(fresh)}</button></p>`
            : html`<p>${t.noneValid}</p>`
          : nothing
      }
      <h3 id="import-rows-heading">${t.rowsHeading}</h3>
      <ol class="import-cards" aria-labelledby="import-rows-heading">
        ${report.rows.map(
          (row) => html`<li class="import-card ${row.ok ? 'row-ok' : 'row-bad'}" data-line=${row.line}>
            <h4 class="import-card__title">${r.row(row.line)}${row.title ? html`: ${row.title}` : nothing}</h4>
            <p><span class="status ${row.ok ? 'status--published' : 'status--rejected'}">${row.ok ? (row.id ? t.createdOk : t.ok) : t.bad}</span>
              ${row.alreadyImported !== null ? html` <a href="/workspace/evidence/${row.alreadyImported}">${t.alreadyImported(row.alreadyImported)}</a>` : nothing}
              ${row.alreadyImported === null && row.duplicates.length ? row.duplicates.map((id) => html` <a href="/workspace/evidence/${id}">${this.ws.duplicates.sameSource(id)}</a>`) : nothing}</p>
            ${
              row.entry
                ? html`<p>${
                    row.id
                      ? html`<a href="/workspace/evidence/${row.id}">${row.entry.title}</a>`
                      : t.what(
                          row.entry.title,
                          row.entry.subject,
                          this.msg.standardShort[row.entry.standard] ?? row.entry.standard,
                          signedRating(row.entry.rating),
                        )
                  }</p>`
                : nothing
            }
            ${row.problems.length ? html`<ul class="problems">${row.problems.map((p) => html`<li><code>${p.column}</code>: ${inPageLanguage(p.message)}</li>`)}</ul>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
