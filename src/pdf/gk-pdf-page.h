/* gk-pdf-page.h — a page of PDF bytes as an image, through Poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/*
 * poppler-glib is not thread-safe. These functions open a PopplerDocument of
 * their own from @pdf on every call and share nothing, so they may run in any
 * thread (the GUI calls them from a GTask worker), several at once.
 */

/* Returns: (transfer full): a CAIRO_FORMAT_ARGB32 image of page @page (from 0)
 * at @dpi on a white background, or NULL with @error set. */
cairo_surface_t *gk_pdf_render_page_image (GBytes  *pdf,
                                           guint    page,
                                           double   dpi,
                                           GError **error);

/* Returns: the number of pages, or 0 with @error set. */
guint            gk_pdf_count_pages       (GBytes  *pdf,
                                           GError **error);

G_END_DECLS
