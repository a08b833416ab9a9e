/* gk-catalog-renderer.h — the disclosure catalog as a table like the annex
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* What the printed catalog shows: plain strings, no database. */
typedef struct
{
  char  *category;
  guint  number;
  char  *content;
  char  *responsible;   /* joined with 、 */
  char  *audiences;     /* joined with 、 */
} GkCatalogTableRow;

typedef struct
{
  char   *title;        /* 中共晋中学院委员会党务公开目录 */
  char  **heading;      /* lines under the title (organization, filing), NULL-terminated, may be NULL */
  GDate   date;         /* the document's date in the PDF metadata; invalid: a fixed one */
  GArray *rows;         /* GkCatalogTableRow, in print order; rows of a category together */
} GkCatalogTable;

GkCatalogTable *gk_catalog_table_new     (const char     *title);
void            gk_catalog_table_add_row (GkCatalogTable *table,
                                          const char     *category,
                                          guint           number,
                                          const char     *content,
                                          const char     *responsible,
                                          const char     *audiences);
void            gk_catalog_table_free    (GkCatalogTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalogTable, gk_catalog_table_free)

#define GK_TYPE_CATALOG_RENDERER (gk_catalog_renderer_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogRenderer, gk_catalog_renderer, GK, CATALOG_RENDERER, GObject)

/*
 * A4 portrait with the GB/T 9704-2012 text block (top 37 mm, left 28 mm,
 * 156 × 225 mm): the title, the heading lines, then the table — 类别 (one
 * cell spanning its items on each page), 序号, 内容, 责任部门, 公开范围 —
 * with its header row repeated on every page and "— N —" page numbers.
 * Cells wrap with Pango. Like the notice renderer it paginates once, on
 * first use, and may be used from another thread than the one that made it,
 * by one thread at a time.
 */
/* Takes TABLE. */
GkCatalogRenderer *gk_catalog_renderer_new              (GkCatalogTable    *table);
guint              gk_catalog_renderer_get_n_pages      (GkCatalogRenderer *self);
void               gk_catalog_renderer_get_page_size_mm (GkCatalogRenderer *self,
                                                         double            *width,
                                                         double            *height);
/* Draws page PAGE (from 0) in points, (0,0) at the page's top-left. */
void               gk_catalog_renderer_draw_page        (GkCatalogRenderer *self,
                                                         cairo_t           *cr,
                                                         guint              page);
/* The same table and fonts always give the same bytes. */
GBytes            *gk_catalog_renderer_render_pdf       (GkCatalogRenderer *self,
                                                         GError           **error);

G_END_DECLS
