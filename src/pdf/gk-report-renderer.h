/* gk-report-renderer.h — a report in the GB/T 9704 body style: title,
 * headings, paragraphs and simple ruled tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* What the report says, as plain strings: no database. */
typedef struct _GkReportDocument GkReportDocument;

GkReportDocument *gk_report_document_new           (const char        *title);
void              gk_report_document_free          (GkReportDocument  *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReportDocument, gk_report_document_free)

/* A centred line under the title, in 楷体: the period, the organization. */
void              gk_report_document_add_subtitle  (GkReportDocument  *document,
                                                    const char        *text);
/* A level-1 heading (一、…), 黑体. */
void              gk_report_document_add_heading   (GkReportDocument  *document,
                                                    const char        *text);
/* A body paragraph, 仿宋 3号, first line indented two characters, justified. */
void              gk_report_document_add_paragraph (GkReportDocument  *document,
                                                    const char        *text);
/* A ruled table: COLUMNS (NULL-terminated header cells), ROWS a GPtrArray
 * of GStrv with as many cells; both copied. Columns share the text block
 * by the width of what they hold; cells wrap; rows never split, and the
 * header row is repeated on every page the table goes on to. */
void              gk_report_document_add_table     (GkReportDocument  *document,
                                                    const char * const *columns,
                                                    GPtrArray         *rows);
/* The signature (署名) and the date (成文日期) at the end, and the date
 * of the PDF's metadata. */
void              gk_report_document_set_signature (GkReportDocument  *document,
                                                    const char        *signature,
                                                    const GDate       *date);

#define GK_TYPE_REPORT_RENDERER (gk_report_renderer_get_type ())
G_DECLARE_FINAL_TYPE (GkReportRenderer, gk_report_renderer, GK, REPORT_RENDERER, GObject)

/*
 * A4 portrait, the GB/T 9704-2012 text block (top 37 mm, left 28 mm,
 * 156 × 225 mm), 22 lines of body text a page; title 2号 小标宋, body 3号
 * 仿宋, tables in 小四, "— N —" page numbers in 4号 宋体, odd pages on the
 * right, even on the left. Paginates once, on first use; may be used from
 * another thread than the one that made it, by one thread at a time.
 */
/* Takes DOCUMENT. */
GkReportRenderer *gk_report_renderer_new               (GkReportDocument  *document);
guint             gk_report_renderer_get_n_pages       (GkReportRenderer  *self);
void              gk_report_renderer_get_page_size_mm  (GkReportRenderer  *self,
                                                        double            *width,
                                                        double            *height);
/* Draws page PAGE (from 0) in points, (0,0) at the page's top-left. */
void              gk_report_renderer_draw_page         (GkReportRenderer  *self,
                                                        cairo_t           *cr,
                                                        guint              page);
/* The same document and fonts always give the same bytes. */
GBytes           *gk_report_renderer_render_pdf        (GkReportRenderer  *self,
                                                        GError           **error);
/* Returns: (transfer full) (element-type GkFontSubstitution): the roles
 * whose preferred font did not print them. */
GPtrArray        *gk_report_renderer_get_substitutions (GkReportRenderer  *self);

G_END_DECLS
