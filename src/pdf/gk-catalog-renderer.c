/* gk-catalog-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog as the measures' annex prints it: a ruled table inside the
 * GB/T 9704-2012 text block. Unlike a notice's body, cell text is not on
 * the 28-character grid: Pango wraps it to the cell's width. Rows never
 * split across pages; a category's cell spans its rows on each page and is
 * repeated when the category goes on to the next page.
 */
#include "pdf/gk-catalog-renderer.h"

#include <pango/pangocairo.h>

#include "pdf/gk-fonts.h"
#include "pdf/gk-pdf-sheet.h"

#define TITLE_SIZE    22.0   /* 2号 */
#define HEADING_SIZE  12.0   /* 小四 */

#define PAD_Y         (1.5 * GK_PDF_MM)
#define TITLE_GAP     (3.0 * GK_PDF_MM)
#define HEADING_GAP   (5.0 * GK_PDF_MM)

typedef enum
{
  COLUMN_CATEGORY,
  COLUMN_NUMBER,
  COLUMN_CONTENT,
  COLUMN_RESPONSIBLE,
  COLUMN_AUDIENCES,
  N_COLUMNS
} Column;

/* The annex's columns; the widths fill the 156 mm text block. */
static const struct
{
  const char     *header;
  double          width_mm;
  PangoAlignment  align;
} columns[N_COLUMNS] = {
  { "类别", 24.0, PANGO_ALIGN_CENTER },
  { "序号", 12.0, PANGO_ALIGN_CENTER },
  { "内容", 70.0, PANGO_ALIGN_LEFT },
  { "责任部门", 24.0, PANGO_ALIGN_CENTER },
  { "公开范围", 26.0, PANGO_ALIGN_CENTER },
};

/* One row of the table on its page. */
typedef struct
{
  guint  row;
  double y;
  double height;
} PlacedRow;

/* The category cell spanning rows FIRST … FIRST + N - 1 of a page. */
typedef struct
{
  guint  first;
  guint  n;
  double y;
  double height;
} Span;

typedef struct
{
  double  table_top;
  GArray *rows;    /* PlacedRow */
  GArray *spans;   /* Span */
} Page;

struct _GkCatalogRenderer
{
  GObject          parent_instance;

  GkCatalogTable  *table;

  gboolean         paginated;
  PangoContext    *context;
  GkFontChoice    *fonts[GK_FONT_N_ROLES];
  GHashTable      *layouts;   /* key → PangoLayout */
  GPtrArray       *pages;     /* Page */
  double           header_height;
  double           table_top;  /* on the first page, under the title */
};

G_DEFINE_FINAL_TYPE (GkCatalogRenderer, gk_catalog_renderer, G_TYPE_OBJECT)

/* The table */

static void
row_clear (gpointer data)
{
  GkCatalogTableRow *row = data;

  g_free (row->category);
  g_free (row->content);
  g_free (row->responsible);
  g_free (row->audiences);
}

GkCatalogTable *
gk_catalog_table_new (const char *title)
{
  GkCatalogTable *table = g_new0 (GkCatalogTable, 1);

  table->title = g_strdup (title != NULL ? title : "");
  table->rows = g_array_new (FALSE, TRUE, sizeof (GkCatalogTableRow));
  g_array_set_clear_func (table->rows, row_clear);
  g_date_clear (&table->date, 1);
  return table;
}

void
gk_catalog_table_add_row (GkCatalogTable *table,
                          const char     *category,
                          guint           number,
                          const char     *content,
                          const char     *responsible,
                          const char     *audiences)
{
  GkCatalogTableRow row = {
    .category = g_strdup (category != NULL ? category : ""),
    .number = number,
    .content = g_strdup (content != NULL ? content : ""),
    .responsible = g_strdup (responsible != NULL ? responsible : ""),
    .audiences = g_strdup (audiences != NULL ? audiences : ""),
  };

  g_return_if_fail (table != NULL);

  g_array_append_val (table->rows, row);
}

void
gk_catalog_table_free (GkCatalogTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_strfreev (table->heading);
  g_array_unref (table->rows);
  g_free (table);
}

/* Layout */

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->rows);
  g_array_unref (page->spans);
  g_free (page);
}

static Page *
page_new (double table_top)
{
  Page *page = g_new0 (Page, 1);

  page->table_top = table_top;
  page->rows = g_array_new (FALSE, FALSE, sizeof (PlacedRow));
  page->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  return page;
}

static double
column_x (Column column)
{
  double x = GK_PDF_BLOCK_LEFT;

  for (guint i = 0; i < column; i++)
    x += columns[i].width_mm * GK_PDF_MM;
  return x;
}

/* A layout of TEXT in ROLE at SIZE, wrapped to WIDTH points (< 0: one
 * line), shared by every place that shows the same text the same way. */
static PangoLayout *
get_layout (GkCatalogRenderer *self,
            GkFontRole         role,
            double             size,
            double             width,
            PangoAlignment     align,
            const char        *text)
{
  g_autofree char *key = g_strdup_printf ("%d|%g|%g|%d|%s", role, size, width, align, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      layout = gk_pdf_sheet_layout_new (self->context, self->fonts[role], size, width, align, text);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static PangoLayout *
cell_layout (GkCatalogRenderer *self,
             Column             column,
             const char        *text)
{
  return get_layout (self, GK_FONT_ROLE_BODY, GK_PDF_CELL_SIZE,
                     columns[column].width_mm * GK_PDF_MM - 2 * GK_PDF_CELL_PAD_X, columns[column].align, text);
}

static PangoLayout *
header_layout (GkCatalogRenderer *self,
               Column             column)
{
  return get_layout (self, GK_FONT_ROLE_HEADING1, GK_PDF_CELL_SIZE,
                     columns[column].width_mm * GK_PDF_MM - 2 * GK_PDF_CELL_PAD_X, PANGO_ALIGN_CENTER,
                     columns[column].header);
}

static char *
number_text (guint number)
{
  return g_strdup_printf ("%u", number);
}

static const char *
row_text (const GkCatalogTableRow *row,
          Column                   column,
          char                   **number)
{
  switch (column)
    {
    case COLUMN_CATEGORY:
      return row->category;
    case COLUMN_NUMBER:
      return *number = number_text (row->number);
    case COLUMN_CONTENT:
      return row->content;
    case COLUMN_RESPONSIBLE:
      return row->responsible;
    case COLUMN_AUDIENCES:
    case N_COLUMNS:
    default:
      return row->audiences;
    }
}

/* The height of a row's own cells (the category cell spans, see paginate). */
static double
row_height (GkCatalogRenderer       *self,
            const GkCatalogTableRow *row)
{
  double height = 0;

  for (Column column = COLUMN_NUMBER; column < N_COLUMNS; column++)
    {
      g_autofree char *number = NULL;
      const char *text = row_text (row, column, &number);

      height = MAX (height, gk_pdf_sheet_layout_height (cell_layout (self, column, text)));
    }
  return height + 2 * PAD_Y;
}

static double
span_text_height (GkCatalogRenderer *self,
                  const char        *category)
{
  return gk_pdf_sheet_layout_height (cell_layout (self, COLUMN_CATEGORY, category)) + 2 * PAD_Y;
}

static PangoLayout *
title_layout (GkCatalogRenderer *self)
{
  return get_layout (self, GK_FONT_ROLE_TITLE, TITLE_SIZE, GK_PDF_BLOCK_WIDTH, PANGO_ALIGN_CENTER,
                     self->table->title);
}

static PangoLayout *
heading_layout (GkCatalogRenderer *self,
                const char        *line)
{
  return get_layout (self, GK_FONT_ROLE_BODY, HEADING_SIZE, GK_PDF_BLOCK_WIDTH, PANGO_ALIGN_CENTER, line);
}

static PangoLayout *
page_number_layout (GkCatalogRenderer *self,
                    guint              page)
{
  g_autofree char *number = gk_pdf_sheet_page_number_text (page);

  return get_layout (self, GK_FONT_ROLE_PAGE_NUMBER, GK_PDF_PAGE_NUMBER_SIZE, -1, PANGO_ALIGN_LEFT, number);
}

static void
create_context (GkCatalogRenderer *self)
{
  self->context = gk_pdf_sheet_context_new ();
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    self->fonts[role] = gk_font_choice_new (role);
}

/* A span is as tall as its rows, or as its category's text when that is
 * taller: then its last row grows, by what this returns. */
static double
close_span (GkCatalogRenderer *self,
            Page              *page)
{
  Span *span;
  PlacedRow *last;
  const GkCatalogTableRow *row;
  double wanted, extra;

  if (page->spans->len == 0)
    return 0;
  span = &g_array_index (page->spans, Span, page->spans->len - 1);
  last = &g_array_index (page->rows, PlacedRow, span->first + span->n - 1);
  row = &g_array_index (self->table->rows, GkCatalogTableRow, last->row);
  wanted = span_text_height (self, row->category);
  if (wanted <= span->height)
    return 0;
  extra = wanted - span->height;
  last->height += extra;
  span->height = wanted;
  return extra;
}

static void
paginate (GkCatalogRenderer *self)
{
  GArray *rows = self->table->rows;
  Page *page;
  double y;

  if (self->paginated)
    return;
  self->paginated = TRUE;

  create_context (self);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pages = g_ptr_array_new_with_free_func (page_free);

  y = GK_PDF_BLOCK_TOP + gk_pdf_sheet_layout_height (title_layout (self)) + TITLE_GAP;
  for (guint i = 0; self->table->heading != NULL && self->table->heading[i] != NULL; i++)
    y += gk_pdf_sheet_layout_height (heading_layout (self, self->table->heading[i]));
  self->table_top = y + HEADING_GAP;

  self->header_height = 0;
  for (Column column = 0; column < N_COLUMNS; column++)
    self->header_height = MAX (self->header_height,
                               gk_pdf_sheet_layout_height (header_layout (self, column)));
  self->header_height += 2 * PAD_Y;

  page = page_new (self->table_top);
  g_ptr_array_add (self->pages, page);
  y = page->table_top + self->header_height;

  for (guint i = 0; i < rows->len; i++)
    {
      const GkCatalogTableRow *row = &g_array_index (rows, GkCatalogTableRow, i);
      double height = row_height (self, row);
      gboolean same_category = page->spans->len > 0 && i > 0 &&
        g_strcmp0 (g_array_index (rows, GkCatalogTableRow, i - 1).category, row->category) == 0;
      Span *span;
      double span_top, rows_height, needed;
      PlacedRow placed;

      if (!same_category)
        y += close_span (self, page);
      span = same_category ? &g_array_index (page->spans, Span, page->spans->len - 1) : NULL;
      span_top = same_category ? span->y : y;
      rows_height = same_category ? span->height + height : height;
      needed = MAX (rows_height, span_text_height (self, row->category));

      if (span_top + needed > GK_PDF_BLOCK_BOTTOM && page->rows->len > 0)
        {
          if (same_category)
            close_span (self, page);
          page = page_new (GK_PDF_BLOCK_TOP);
          g_ptr_array_add (self->pages, page);
          y = page->table_top + self->header_height;
          same_category = FALSE;
        }

      placed = (PlacedRow) { i, y, height };
      if (same_category)
        {
          span->n++;
          span->height += height;
        }
      else
        {
          Span new_span = { page->rows->len, 1, y, height };

          g_array_append_val (page->spans, new_span);
        }
      g_array_append_val (page->rows, placed);
      y += height;
    }
  close_span (self, page);

  /* Page numbers now, so the font check sees them too. */
  for (guint i = 0; i < self->pages->len; i++)
    page_number_layout (self, i);
}

/* Drawing */

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cell (cairo_t     *cr,
           PangoLayout *layout,
           Column       column,
           double       y,
           double       height)
{
  gk_pdf_sheet_draw_cell (cr, layout, column_x (column), y, columns[column].width_mm * GK_PDF_MM, height);
}

void
gk_catalog_renderer_draw_page (GkCatalogRenderer *self,
                               cairo_t           *cr,
                               guint              page_index)
{
  Page *page;
  double y;

  g_return_if_fail (GK_IS_CATALOG_RENDERER (self));
  g_return_if_fail (cr != NULL);

  paginate (self);
  g_return_if_fail (page_index < self->pages->len);
  page = g_ptr_array_index (self->pages, page_index);

  gk_pdf_sheet_begin_page (cr);

  if (page_index == 0)
    {
      PangoLayout *title = title_layout (self);

      show_at (cr, title, GK_PDF_BLOCK_LEFT, GK_PDF_BLOCK_TOP);
      y = GK_PDF_BLOCK_TOP + gk_pdf_sheet_layout_height (title) + TITLE_GAP;
      for (guint i = 0; self->table->heading != NULL && self->table->heading[i] != NULL; i++)
        {
          PangoLayout *line = heading_layout (self, self->table->heading[i]);

          show_at (cr, line, GK_PDF_BLOCK_LEFT, y);
          y += gk_pdf_sheet_layout_height (line);
        }
    }

  for (Column column = 0; column < N_COLUMNS; column++)
    draw_cell (cr, header_layout (self, column), column, page->table_top, self->header_height);

  for (guint i = 0; i < page->rows->len; i++)
    {
      const PlacedRow *placed = &g_array_index (page->rows, PlacedRow, i);
      const GkCatalogTableRow *row = &g_array_index (self->table->rows, GkCatalogTableRow, placed->row);

      for (Column column = COLUMN_NUMBER; column < N_COLUMNS; column++)
        {
          g_autofree char *number = NULL;
          const char *text = row_text (row, column, &number);

          draw_cell (cr, cell_layout (self, column, text), column, placed->y, placed->height);
        }
    }

  for (guint i = 0; i < page->spans->len; i++)
    {
      const Span *span = &g_array_index (page->spans, Span, i);
      const PlacedRow *first = &g_array_index (page->rows, PlacedRow, span->first);
      const GkCatalogTableRow *row = &g_array_index (self->table->rows, GkCatalogTableRow, first->row);

      draw_cell (cr, cell_layout (self, COLUMN_CATEGORY, row->category), COLUMN_CATEGORY,
                 span->y, span->height);
    }

  gk_pdf_sheet_end_page (cr, page_number_layout (self, page_index), page_index);
}

guint
gk_catalog_renderer_get_n_pages (GkCatalogRenderer *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_RENDERER (self), 0);

  paginate (self);
  return self->pages->len;
}

void
gk_catalog_renderer_get_page_size_mm (GkCatalogRenderer *self,
                                      double            *width,
                                      double            *height)
{
  g_return_if_fail (GK_IS_CATALOG_RENDERER (self));

  if (width != NULL)
    *width = GK_PDF_A4_WIDTH_MM;
  if (height != NULL)
    *height = GK_PDF_A4_HEIGHT_MM;
}

GBytes *
gk_catalog_renderer_render_pdf (GkCatalogRenderer  *self,
                                GError            **error)
{
  g_return_val_if_fail (GK_IS_CATALOG_RENDERER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  paginate (self);
  return gk_pdf_sheet_write_pdf (self->table->title, &self->table->date, self->pages->len,
                                 (GkPdfSheetDrawPageFunc) gk_catalog_renderer_draw_page, self, error);
}

static void
gk_catalog_renderer_finalize (GObject *object)
{
  GkCatalogRenderer *self = (GkCatalogRenderer *) object;

  g_clear_pointer (&self->table, gk_catalog_table_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    g_clear_pointer (&self->fonts[role], gk_font_choice_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gk_catalog_renderer_parent_class)->finalize (object);
}

static void
gk_catalog_renderer_class_init (GkCatalogRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_catalog_renderer_finalize;
}

static void
gk_catalog_renderer_init (GkCatalogRenderer *self)
{
}

GkCatalogRenderer *
gk_catalog_renderer_new (GkCatalogTable *table)
{
  GkCatalogRenderer *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (GK_TYPE_CATALOG_RENDERER, NULL);
  self->table = table;
  return self;
}
