/* gk-pdf-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf/gk-pdf-page.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>

#include "pdf/gk-pdf-error.h"

static PopplerDocument *
open_document (GBytes  *pdf,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  document = poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (document == NULL)
    g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_INVALID_PDF,
                 _("Could not read the PDF: %s"), local_error->message);
  return document;
}

/* Draws @document's page at @dpi onto white paper. */
static cairo_surface_t *
render_page (PopplerDocument  *document,
             guint             page,
             double            dpi,
             GError          **error)
{
  PopplerPage *poppler_page;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  if (page >= (guint) poppler_document_get_n_pages (document))
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_NO_PAGE,
                   _("The PDF has no page %u"), page + 1);
      return NULL;
    }

  poppler_page = poppler_document_get_page (document, page);
  poppler_page_get_size (poppler_page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * dpi / 72.0),
                                        (int) ceil (height * dpi / 72.0));
  cr = cairo_create (surface);
  /* Poppler paints only the ink: the paper is ours. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  poppler_page_render (poppler_page, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  g_object_unref (poppler_page);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER,
                   _("Could not draw page %u: %s"), page + 1, cairo_status_to_string (status));
      return NULL;
    }

  cairo_surface_flush (surface);
  return surface;
}

/* poppler-glib 22.12 defines no autoptr cleanups: references are dropped by hand. */
cairo_surface_t *
gk_pdf_render_page_image (GBytes  *pdf,
                          guint    page,
                          double   dpi,
                          GError **error)
{
  PopplerDocument *document;
  cairo_surface_t *surface;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (dpi > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = open_document (pdf, error);
  if (document == NULL)
    return NULL;

  surface = render_page (document, page, dpi, error);
  g_object_unref (document);
  return surface;
}

guint
gk_pdf_count_pages (GBytes  *pdf,
                    GError **error)
{
  PopplerDocument *document;
  guint n_pages;

  g_return_val_if_fail (pdf != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  document = open_document (pdf, error);
  if (document == NULL)
    return 0;

  n_pages = (guint) poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n_pages;
}
