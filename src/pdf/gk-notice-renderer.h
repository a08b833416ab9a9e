/* gk-notice-renderer.h — lays out a notice after GB/T 9704-2012 and draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "pdf/gk-notice-content.h"

G_BEGIN_DECLS

typedef enum {
  GK_NOTICE_LAYOUT_BULLETIN, /* 公开栏 sheet on A4 */
  GK_NOTICE_LAYOUT_REDHEAD,  /* red-header document on A4 */
  GK_NOTICE_LAYOUT_A3,       /* the bulletin sheet on A3, every measure × √2 */
} GkNoticeLayout;

#define GK_TYPE_NOTICE_LAYOUT (gk_notice_layout_get_type ())
GType gk_notice_layout_get_type (void) G_GNUC_CONST;

const char *gk_notice_layout_to_string   (GkNoticeLayout  layout);
gboolean    gk_notice_layout_from_string (const char     *str,
                                          GkNoticeLayout *layout);

#define GK_TYPE_NOTICE_RENDERER (gk_notice_renderer_get_type ())
G_DECLARE_FINAL_TYPE (GkNoticeRenderer, gk_notice_renderer, GK, NOTICE_RENDERER, GObject)

/*
 * The same drawing code serves print (GtkPrintOperation), export and preview.
 * Pagination happens once, on first use. A renderer is not thread-safe: it
 * may be created in one thread and used in another (a GTask worker), but by
 * one thread at a time.
 */
GkNoticeRenderer *gk_notice_renderer_new              (const GkNoticeContent *content,
                                                       GkNoticeLayout         layout);
guint             gk_notice_renderer_get_n_pages      (GkNoticeRenderer      *self);
void              gk_notice_renderer_get_page_size_mm (GkNoticeRenderer      *self,
                                                       double                *width,
                                                       double                *height);
/* Draws page @page (from 0) in points, (0,0) at the page's top-left. */
void              gk_notice_renderer_draw_page        (GkNoticeRenderer      *self,
                                                       cairo_t               *cr,
                                                       guint                  page);
/* The same content and fonts always give the same bytes. */
GBytes           *gk_notice_renderer_render_pdf       (GkNoticeRenderer      *self,
                                                       GError               **error);
/* Returns: (transfer full) (element-type GkFontSubstitution): one entry per
 * font role whose preferred font did not print it; the array frees them. */
GPtrArray        *gk_notice_renderer_get_substitutions (GkNoticeRenderer     *self);

G_END_DECLS
