/**
 * The public transparency page as server-rendered HTML: no script, one small CSS file, every
 * value escaped. Light for a phone on a slow connection and apart from the staff app's bundle.
 */
import type { TransparencyData } from './service.js';
import { NO_DATA } from './figures.js';

export const PAGE_CSS_PATH = '/cong-khai.css';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const vnMoment = (iso: string) =>
  vnDate(new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10));
const pct = (v: number) => `${v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

/** Plain text → paragraphs (blank lines) and line breaks, escaped: no markup from the writer. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function renderTransparencyPage(d: TransparencyData): string {
  const e = escapeHtml;
  const figures = d.figures
    .map((f) => {
      const value =
        f.value === null
          ? `<span class="none">${NO_DATA}</span>`
          : `<span class="val">${pct(f.value)}</span><span class="frac">${f.numerator}/${f.denominator}</span>`;
      return `<li class="fig" data-key="${e(f.key)}"><h3>${e(f.label)}</h3><div class="num">${value}</div><p class="per">Kỳ: ${vnDate(f.period.from)} – ${vnDate(f.period.to)}</p><p class="def">${e(f.definition)}</p></li>`;
    })
    .join('');
  const plan = d.plan
    ? `<section><h2>Tiến độ kế hoạch CCHC năm ${d.plan.year}</h2><p class="muted">${e(d.plan.title)}</p><ul class="areas">${d.plan.areas
        .map(
          (a) =>
            `<li><div class="row"><span>${e(a.code)}. ${e(a.title)}</span><span>${a.done}/${a.total}</span></div><div class="bar"><i style="width:${a.percent ?? 0}%"></i></div></li>`,
        )
        .join(
          '',
        )}</ul><p class="def">Mỗi lĩnh vực: số nhiệm vụ đã hoàn thành / số nhiệm vụ (không tính nhiệm vụ không áp dụng).</p></section>`
    : `<section><h2>Tiến độ kế hoạch CCHC</h2><p class="none">${NO_DATA}</p></section>`;
  const posts =
    d.posts.length === 0
      ? `<p class="muted">Chưa có bài viết.</p>`
      : d.posts
          .map(
            (p) =>
              `<article class="post"><h3>${e(p.title)}</h3><p class="muted">${vnMoment(p.publishedAt)}</p>${textToHtml(p.body)}${
                p.attachments.length
                  ? `<ul class="att">${p.attachments
                      .map((a) =>
                        a.mime.startsWith('image/')
                          ? `<li><img src="${e(a.url)}" alt="${e(a.filename)}" loading="lazy"></li>`
                          : `<li><a href="${e(a.url)}">${e(a.filename)}</a></li>`,
                      )
                      .join('')}</ul>`
                  : ''
              }</article>`,
          )
          .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Công khai CCHC – ${e(d.unit.name)}</title><link rel="stylesheet" href="${PAGE_CSS_PATH}"></head><body><header><p class="kicker">Công khai kết quả cải cách hành chính</p><h1>${e(d.unit.name)}</h1></header><main><section><h2>Số liệu năm ${d.period.from.slice(0, 4)}</h2><ul class="figs">${figures}</ul></section>${plan}<section><h2>Tin cải cách hành chính</h2>${posts}</section></main><footer>Cập nhật lúc ${new Date(Date.parse(d.generatedAt) + 7 * 3_600_000).toISOString().slice(11, 16)} ngày ${vnMoment(d.generatedAt)}.</footer></body></html>`;
}

export const PAGE_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1b1e;background:#f5f6f8}
header{background:#1c5fb0;color:#fff;padding:16px}header h1{margin:0;font-size:1.3rem}.kicker{margin:0;font-size:.8rem;opacity:.85}
main{max-width:760px;margin:0 auto;padding:12px}section{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:14px;margin:0 0 14px}
h2{font-size:1.1rem;margin:0 0 10px}h3{font-size:1rem;margin:0 0 4px}.figs,.areas,.att{list-style:none;margin:0;padding:0}
.fig{border-top:1px solid #eef0f2;padding:10px 0}.fig:first-child{border-top:0}.num{display:flex;align-items:baseline;gap:8px}
.val{font-size:1.6rem;font-weight:700;color:#1c5fb0}.frac{color:#5c5f66;font-size:.9rem}.none{color:#868e96;font-style:italic}
.per{margin:2px 0;font-size:.85rem;color:#5c5f66}.def{margin:2px 0;font-size:.8rem;color:#5c5f66}.muted{color:#5c5f66;font-size:.85rem;margin:0 0 8px}
.areas li{margin:0 0 8px}.row{display:flex;justify-content:space-between;gap:8px;font-size:.9rem}.bar{height:8px;background:#e9ecef;border-radius:4px;overflow:hidden}
.bar i{display:block;height:100%;background:#2f9e44}.post{border-top:1px solid #eef0f2;padding:10px 0}.post:first-of-type{border-top:0}
.post p{margin:0 0 8px;overflow-wrap:anywhere}.att img{max-width:100%;height:auto;border-radius:4px}footer{text-align:center;color:#868e96;font-size:.8rem;padding:8px 12px 24px}`;
