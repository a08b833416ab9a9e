/* gk-pdf-sheet.h — the A4 sheet the PDF renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An A4 portrait page with the text block of GB/T 9704-2012, all in points:
 * Pango set up for print, ruled table cells, "— N —" page numbers and the
 * pages written out as a PDF that no clock reaches. Internal to src/pdf.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "pdf/gk-fonts.h"

G_BEGIN_DECLS

#define GK_PDF_MM            (72.0 / 25.4)

#define GK_PDF_A4_WIDTH_MM   210.0
#define GK_PDF_A4_HEIGHT_MM  297.0

#define GK_PDF_BLOCK_LEFT    (28.0 * GK_PDF_MM)
#define GK_PDF_BLOCK_TOP     (37.0 * GK_PDF_MM)
#define GK_PDF_BLOCK_WIDTH   (156.0 * GK_PDF_MM)
#define GK_PDF_BLOCK_HEIGHT  (225.0 * GK_PDF_MM)
#define GK_PDF_BLOCK_BOTTOM  (GK_PDF_BLOCK_TOP + GK_PDF_BLOCK_HEIGHT)

#define GK_PDF_CELL_SIZE         12.0   /* 小四 */
#define GK_PDF_PAGE_NUMBER_SIZE  14.0   /* 4号 */
/* Between a cell's rule and its text, left and right. */
#define GK_PDF_CELL_PAD_X        (1.5 * GK_PDF_MM)

typedef void (*GkPdfSheetDrawPageFunc) (gpointer  renderer,
                                        cairo_t  *cr,
                                        guint     page);

/* Returns: (transfer full): a context in points (72 dpi), unhinted, for
 * Simplified Chinese; the fonts are set up first (gk_fonts_init()). */
PangoContext *gk_pdf_sheet_context_new     (void);
/* Returns: (transfer full): TEXT in FONT's face at SIZE points, wrapped to
 * WIDTH points (<= 0: one line) and aligned by ALIGN; FONT notes it. */
PangoLayout  *gk_pdf_sheet_layout_new      (PangoContext   *context,
                                            GkFontChoice   *font,
                                            double          size,
                                            double          width,
                                            PangoAlignment  align,
                                            const char     *text);
double        gk_pdf_sheet_layout_width    (PangoLayout    *layout);
double        gk_pdf_sheet_layout_height   (PangoLayout    *layout);

/* Returns: (transfer full): "— N —" for PAGE (from 0). */
char         *gk_pdf_sheet_page_number_text (guint          page);

/* Saves CR's state and paints a blank sheet, ready for black text and
 * rules; gk_pdf_sheet_end_page() puts PAGE_NUMBER (a layout of
 * gk_pdf_sheet_page_number_text (PAGE) at GK_PDF_PAGE_NUMBER_SIZE) 7 mm
 * under the text block — odd pages on the right, even pages on the left,
 * one character in — and restores CR. */
void          gk_pdf_sheet_begin_page      (cairo_t        *cr);
void          gk_pdf_sheet_end_page        (cairo_t        *cr,
                                            PangoLayout    *page_number,
                                            guint           page);

/* A ruled cell at X, Y of WIDTH × HEIGHT with LAYOUT (wrapped to the cell
 * already) inside, centred vertically. */
void          gk_pdf_sheet_draw_cell       (cairo_t        *cr,
                                            PangoLayout    *layout,
                                            double          x,
                                            double          y,
                                            double          width,
                                            double          height);

/* Returns: (transfer full): N_PAGES pages drawn by DRAW_PAGE (RENDERER, …)
 * as an A4 PDF titled TITLE and dated DATE (invalid or NULL: a fixed
 * date), or NULL with ERROR set. */
GBytes       *gk_pdf_sheet_write_pdf       (const char              *title,
                                            const GDate             *date,
                                            guint                    n_pages,
                                            GkPdfSheetDrawPageFunc   draw_page,
                                            gpointer                 renderer,
                                            GError                 **error);

G_END_DECLS
