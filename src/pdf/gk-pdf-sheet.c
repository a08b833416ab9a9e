/* gk-pdf-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf/gk-pdf-sheet.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pdf/gk-pdf-error.h"

#define RULE_WIDTH    0.6
#define FOOTER_GAP    (7.0 * GK_PDF_MM)
/* Ideographic em boxes put the baseline 88% down from their top. */
#define EM_BASELINE   0.88

PangoContext *
gk_pdf_sheet_context_new (void)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  gk_fonts_init ();

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* PangoCairo assumes 96 dpi; our unit is the point. */
  pango_cairo_context_set_resolution (context, 72);
  /* Unhinted metrics: the layout must not depend on the output device. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  return context;
}

PangoLayout *
gk_pdf_sheet_layout_new (PangoContext   *context,
                         GkFontChoice   *font,
                         double          size,
                         double          width,
                         PangoAlignment  align,
                         const char     *text)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (font != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  desc = pango_font_description_copy (gk_font_choice_get_description (font));
  layout = pango_layout_new (context);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  gk_font_choice_note_layout (font, layout);
  return layout;
}

double
gk_pdf_sheet_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

double
gk_pdf_sheet_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

char *
gk_pdf_sheet_page_number_text (guint page)
{
  return g_strdup_printf ("— %u —", page + 1);
}

void
gk_pdf_sheet_begin_page (cairo_t *cr)
{
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, GK_PDF_A4_WIDTH_MM * GK_PDF_MM, GK_PDF_A4_HEIGHT_MM * GK_PDF_MM);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
}

void
gk_pdf_sheet_end_page (cairo_t     *cr,
                       PangoLayout *page_number,
                       guint        page)
{
  double baseline = GK_PDF_BLOCK_BOTTOM + FOOTER_GAP + EM_BASELINE * GK_PDF_PAGE_NUMBER_SIZE;
  double one_char = GK_PDF_PAGE_NUMBER_SIZE;
  double x;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (page_number));

  /* Page 0 is the first, an odd page. */
  if (page % 2 == 0)
    x = GK_PDF_BLOCK_LEFT + GK_PDF_BLOCK_WIDTH - one_char - gk_pdf_sheet_layout_width (page_number);
  else
    x = GK_PDF_BLOCK_LEFT + one_char;
  cairo_move_to (cr, x, baseline - (double) pango_layout_get_baseline (page_number) / PANGO_SCALE);
  pango_cairo_show_layout (cr, page_number);
  cairo_restore (cr);
}

void
gk_pdf_sheet_draw_cell (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y,
                        double       width,
                        double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  cairo_move_to (cr, x + GK_PDF_CELL_PAD_X, y + (height - gk_pdf_sheet_layout_height (layout)) / 2);
  pango_cairo_show_layout (cr, layout);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
gk_pdf_sheet_write_pdf (const char              *title,
                        const GDate             *date,
                        guint                    n_pages,
                        GkPdfSheetDrawPageFunc   draw_page,
                        gpointer                 renderer,
                        GError                 **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *stamp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (draw_page != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                 GK_PDF_A4_WIDTH_MM * GK_PDF_MM,
                                                 GK_PDF_A4_HEIGHT_MM * GK_PDF_MM);
  /* The same document gives the same file: no clock reaches it. */
  stamp = date != NULL && g_date_valid (date)
    ? g_strdup_printf ("%04u-%02u-%02uT00:00:00Z", g_date_get_year (date),
                       g_date_get_month (date), g_date_get_day (date))
    : g_strdup ("2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai");
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
