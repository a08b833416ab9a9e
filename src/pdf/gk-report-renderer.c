/* gk-report-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports (通报, 述职 summaries) in the body style of GB/T 9704-2012. Text
 * sits on the 22-line grid of the text block: every line of a title,
 * heading or paragraph takes one grid line, and a paragraph may break
 * between pages at any line. Tables are not on the grid — their cells wrap
 * in a smaller size — and the text after a table goes on at the next grid
 * line. Pagination turns the document into a list of drawing operations
 * per page, so that drawing a page only replays them.
 */
#include "pdf/gk-report-renderer.h"

#include <pango/pangocairo.h>

#include "pdf/gk-fonts.h"
#include "pdf/gk-pdf-sheet.h"

#define LINES_PER_PAGE    22
#define LINE_PITCH        (GK_PDF_BLOCK_HEIGHT / LINES_PER_PAGE)

#define TITLE_SIZE        22.0   /* 2号 */
#define BODY_SIZE         16.0   /* 3号 */

#define PAD_Y         (1.2 * GK_PDF_MM)
/* A table's column never gets narrower than this, nor, before sharing
 * out, wider than half the block. */
#define MIN_COLUMN    (12.0 * GK_PDF_MM)
/* From the top of a grid line to the baseline of its text. */
#define BASELINE_IN_LINE(size) ((LINE_PITCH + (size) * 0.76) / 2)

typedef enum
{
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind   kind;
  char       *text;
  char      **columns;   /* tables */
  GPtrArray  *rows;      /* tables: GStrv */
} Block;

struct _GkReportDocument
{
  char   *title;
  GArray *blocks;        /* Block */
  char   *signature;
  GDate   date;
};

typedef enum
{
  OP_LINE,     /* one line of a layout, at a baseline */
  OP_CELL,     /* a ruled cell with its layout */
} OpKind;

typedef struct
{
  OpKind       kind;
  PangoLayout *layout;   /* owned by the renderer's layouts */
  int          line;
  double       x, y, width, height;
} Op;

struct _GkReportRenderer
{
  GObject           parent_instance;

  GkReportDocument *document;

  gboolean          paginated;
  PangoContext     *context;
  GkFontChoice     *fonts[GK_FONT_N_ROLES];
  GPtrArray        *layouts;   /* PangoLayout, kept for the ops */
  GPtrArray        *pages;     /* GArray of Op */
  double            y;         /* pagination's cursor on the last page */
};

G_DEFINE_FINAL_TYPE (GkReportRenderer, gk_report_renderer, G_TYPE_OBJECT)

/* The document */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
}

GkReportDocument *
gk_report_document_new (const char *title)
{
  GkReportDocument *document = g_new0 (GkReportDocument, 1);

  document->title = g_strdup (title != NULL ? title : "");
  document->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (document->blocks, block_clear);
  g_date_clear (&document->date, 1);
  return document;
}

void
gk_report_document_free (GkReportDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->title);
  g_array_unref (document->blocks);
  g_free (document->signature);
  g_free (document);
}

static void
add_text_block (GkReportDocument *document,
                BlockKind         kind,
                const char       *text)
{
  Block block = { kind, g_strdup (text != NULL ? text : ""), NULL, NULL };

  g_return_if_fail (document != NULL);
  g_array_append_val (document->blocks, block);
}

void
gk_report_document_add_subtitle (GkReportDocument *document,
                                 const char       *text)
{
  add_text_block (document, BLOCK_SUBTITLE, text);
}

void
gk_report_document_add_heading (GkReportDocument *document,
                                const char       *text)
{
  add_text_block (document, BLOCK_HEADING, text);
}

void
gk_report_document_add_paragraph (GkReportDocument *document,
                                  const char       *text)
{
  add_text_block (document, BLOCK_PARAGRAPH, text);
}

void
gk_report_document_add_table (GkReportDocument   *document,
                              const char * const *columns,
                              GPtrArray          *rows)
{
  Block block = { BLOCK_TABLE, NULL, g_strdupv ((char **) columns), NULL };
  guint n_columns;

  g_return_if_fail (document != NULL);
  g_return_if_fail (columns != NULL && columns[0] != NULL);

  n_columns = g_strv_length (block.columns);
  block.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      char **source = g_ptr_array_index (rows, i);
      char **row = g_new0 (char *, n_columns + 1);
      guint n = source != NULL ? g_strv_length (source) : 0;

      for (guint c = 0; c < n_columns; c++)
        row[c] = g_strdup (c < n ? source[c] : "");
      g_ptr_array_add (block.rows, row);
    }
  g_array_append_val (document->blocks, block);
}

void
gk_report_document_set_signature (GkReportDocument *document,
                                  const char       *signature,
                                  const GDate      *date)
{
  g_return_if_fail (document != NULL);

  g_free (document->signature);
  document->signature = g_strdup (signature);
  if (date != NULL && g_date_valid (date))
    document->date = *date;
  else
    g_date_clear (&document->date, 1);
}

/* Layout */

static PangoLayout *
new_layout (GkReportRenderer *self,
            GkFontRole        role,
            double            size,
            double            width,
            PangoAlignment    align,
            const char       *text)
{
  PangoLayout *layout = gk_pdf_sheet_layout_new (self->context, self->fonts[role], size, width, align, text);

  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static GArray *
current_page (GkReportRenderer *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
new_page (GkReportRenderer *self)
{
  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (Op)));
  self->y = GK_PDF_BLOCK_TOP;
}

static void
add_op (GkReportRenderer *self,
        Op                op)
{
  g_array_append_val (current_page (self), op);
}

/* The top of the next grid line at or below the cursor. */
static void
snap_to_grid (GkReportRenderer *self)
{
  double lines = (self->y - GK_PDF_BLOCK_TOP) / LINE_PITCH;
  double whole = (double) (gint64) lines;

  if (lines - whole > 0.01)
    whole += 1;
  self->y = GK_PDF_BLOCK_TOP + whole * LINE_PITCH;
}

static gboolean
room_for (GkReportRenderer *self,
          double            height)
{
  return self->y + height <= GK_PDF_BLOCK_BOTTOM + 0.01;
}

/* Puts every line of LAYOUT on the grid, going on to a new page when the
 * text block is full. X is the layout's left edge. */
static void
place_lines (GkReportRenderer *self,
             PangoLayout      *layout,
             double            x,
             double            size)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  snap_to_grid (self);
  do
    {
      PangoRectangle logical;

      if (!room_for (self, LINE_PITCH))
        new_page (self);
      /* In layout coordinates: with the alignment's and the indent's offset. */
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      add_op (self, (Op) { OP_LINE, layout, i++, x + (double) logical.x / PANGO_SCALE,
                           self->y + BASELINE_IN_LINE (size), 0, 0 });
      self->y += LINE_PITCH;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Widths that fill the block: each column as wide as its widest unwrapped
 * cell (at most half the block, at least MIN_COLUMN), the rest or the
 * shortfall shared in proportion. */
static double *
column_widths (GkReportRenderer *self,
               const Block      *block)
{
  guint n = g_strv_length (block->columns);
  double *widths = g_new0 (double, n);
  double total = 0, wide = 0;

  for (guint c = 0; c < n; c++)
    {
      PangoLayout *header = new_layout (self, GK_FONT_ROLE_HEADING1, GK_PDF_CELL_SIZE, -1, PANGO_ALIGN_LEFT,
                                        block->columns[c]);

      widths[c] = gk_pdf_sheet_layout_width (header);
      for (guint r = 0; r < block->rows->len; r++)
        {
          char **row = g_ptr_array_index (block->rows, r);
          PangoLayout *cell = new_layout (self, GK_FONT_ROLE_BODY, GK_PDF_CELL_SIZE, -1, PANGO_ALIGN_LEFT,
                                          row[c]);

          widths[c] = MAX (widths[c], gk_pdf_sheet_layout_width (cell));
        }
      widths[c] = CLAMP (widths[c] + 2 * GK_PDF_CELL_PAD_X, MIN_COLUMN, GK_PDF_BLOCK_WIDTH / 2);
      total += widths[c];
    }

  if (total <= GK_PDF_BLOCK_WIDTH)
    {
      for (guint c = 0; c < n; c++)
        widths[c] *= GK_PDF_BLOCK_WIDTH / total;
      return widths;
    }

  /* Too wide: narrow only the columns wider than an equal share. */
  for (guint c = 0; c < n; c++)
    if (widths[c] > GK_PDF_BLOCK_WIDTH / n)
      wide += widths[c];
  {
    double narrow = total - wide;
    double scale = (GK_PDF_BLOCK_WIDTH - narrow) / wide;

    for (guint c = 0; c < n; c++)
      if (widths[c] > GK_PDF_BLOCK_WIDTH / n)
        widths[c] = MAX (widths[c] * scale, MIN_COLUMN);
  }
  return widths;
}

/* Columns of numbers and short words centred, columns of sentences from
 * the left. */
static PangoAlignment *
column_alignments (const Block *block)
{
  guint n = g_strv_length (block->columns);
  PangoAlignment *align = g_new (PangoAlignment, n);

  for (guint c = 0; c < n; c++)
    {
      align[c] = PANGO_ALIGN_CENTER;
      for (guint r = 0; r < block->rows->len; r++)
        if (g_utf8_strlen (((char **) g_ptr_array_index (block->rows, r))[c], -1) > 6)
          align[c] = PANGO_ALIGN_LEFT;
    }
  return align;
}

/* The layouts of one row, wrapped to the widths; returns the row's height. */
static double
row_layouts (GkReportRenderer      *self,
             char                 **cells,
             const double          *widths,
             const PangoAlignment  *align,
             guint                  n,
             GkFontRole             role,
             PangoLayout          **out)
{
  double height = 0;

  for (guint c = 0; c < n; c++)
    {
      out[c] = new_layout (self, role, GK_PDF_CELL_SIZE, widths[c] - 2 * GK_PDF_CELL_PAD_X,
                           role == GK_FONT_ROLE_HEADING1 ? PANGO_ALIGN_CENTER : align[c], cells[c]);
      height = MAX (height, gk_pdf_sheet_layout_height (out[c]));
    }
  return height + 2 * PAD_Y;
}

static void
place_row (GkReportRenderer  *self,
           PangoLayout      **layouts,
           const double      *widths,
           guint              n,
           double             height)
{
  double x = GK_PDF_BLOCK_LEFT;

  for (guint c = 0; c < n; c++)
    {
      add_op (self, (Op) { OP_CELL, layouts[c], 0, x, self->y, widths[c], height });
      x += widths[c];
    }
  self->y += height;
}

static void
place_table (GkReportRenderer *self,
             const Block      *block)
{
  guint n = g_strv_length (block->columns);
  g_autofree double *widths = column_widths (self, block);
  g_autofree PangoAlignment *align = column_alignments (block);
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, n);
  double header_height = row_layouts (self, block->columns, widths, align, n, GK_FONT_ROLE_HEADING1, header);

  snap_to_grid (self);
  for (guint r = 0; r < block->rows->len || r == 0; r++)
    {
      g_autofree PangoLayout **cells = g_new0 (PangoLayout *, n);
      double height = r < block->rows->len
        ? row_layouts (self, g_ptr_array_index (block->rows, r), widths, align, n, GK_FONT_ROLE_BODY, cells) : 0;

      /* A row that does not fit starts a page, under the header again. */
      if (r == 0 || !room_for (self, height))
        {
          if (!room_for (self, header_height + height))
            new_page (self);
          place_row (self, header, widths, n, header_height);
        }
      if (r < block->rows->len)
        place_row (self, cells, widths, n, height);
    }
  self->y += LINE_PITCH / 2;
  snap_to_grid (self);
}

/* A heading goes to the next page with what follows it rather than end a
 * page: it needs its own line and the first of the next block. */
static void
place_heading (GkReportRenderer *self,
               const char       *text)
{
  PangoLayout *layout = new_layout (self, GK_FONT_ROLE_HEADING1, BODY_SIZE,
                                    GK_PDF_BLOCK_WIDTH - 2 * BODY_SIZE, PANGO_ALIGN_LEFT, text);

  snap_to_grid (self);
  if (!room_for (self, (pango_layout_get_line_count (layout) + 2) * LINE_PITCH))
    new_page (self);
  place_lines (self, layout, GK_PDF_BLOCK_LEFT + 2 * BODY_SIZE, BODY_SIZE);
}

static void
place_paragraph (GkReportRenderer *self,
                 const char       *text)
{
  PangoLayout *layout = new_layout (self, GK_FONT_ROLE_BODY, BODY_SIZE, GK_PDF_BLOCK_WIDTH, PANGO_ALIGN_LEFT,
                                    text);

  pango_layout_set_indent (layout, (int) (2 * BODY_SIZE * PANGO_SCALE));
  pango_layout_set_justify (layout, TRUE);
  place_lines (self, layout, GK_PDF_BLOCK_LEFT, BODY_SIZE);
}

static char *
chinese_date (const GDate *date)
{
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* 署名 and 成文日期: the date four characters in from the right, the
 * signature centred over it; a blank line before them. */
static void
place_signature (GkReportRenderer *self)
{
  GkReportDocument *document = self->document;
  g_autofree char *date_text = NULL;
  PangoLayout *date = NULL;
  PangoLayout *signature = NULL;
  double date_right = GK_PDF_BLOCK_LEFT + GK_PDF_BLOCK_WIDTH - 4 * BODY_SIZE;
  double date_width = 0;
  int lines = 1;

  if (document->signature == NULL && !g_date_valid (&document->date))
    return;

  if (g_date_valid (&document->date))
    {
      date_text = chinese_date (&document->date);
      date = new_layout (self, GK_FONT_ROLE_BODY, BODY_SIZE, -1, PANGO_ALIGN_LEFT, date_text);
      date_width = gk_pdf_sheet_layout_width (date);
      lines++;
    }
  if (document->signature != NULL)
    {
      signature = new_layout (self, GK_FONT_ROLE_BODY, BODY_SIZE, -1, PANGO_ALIGN_LEFT, document->signature);
      lines++;
    }

  snap_to_grid (self);
  if (!room_for (self, lines * LINE_PITCH))
    new_page (self);
  else
    self->y += LINE_PITCH;

  if (signature != NULL)
    {
      double center = date != NULL ? date_right - date_width / 2 : date_right;
      double width = gk_pdf_sheet_layout_width (signature);
      double x = MIN (center - width / 2, GK_PDF_BLOCK_LEFT + GK_PDF_BLOCK_WIDTH - width);

      add_op (self, (Op) { OP_LINE, signature, 0, x, self->y + BASELINE_IN_LINE (BODY_SIZE), 0, 0 });
      self->y += LINE_PITCH;
    }
  if (date != NULL)
    {
      add_op (self, (Op) { OP_LINE, date, 0, date_right - date_width, self->y + BASELINE_IN_LINE (BODY_SIZE), 0, 0 });
      self->y += LINE_PITCH;
    }
}

static void
create_context (GkReportRenderer *self)
{
  self->context = gk_pdf_sheet_context_new ();
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    self->fonts[role] = gk_font_choice_new (role);
}

static void
paginate (GkReportRenderer *self)
{
  GkReportDocument *document = self->document;
  PangoLayout *title;

  if (self->paginated)
    return;
  self->paginated = TRUE;

  create_context (self);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  new_page (self);

  title = new_layout (self, GK_FONT_ROLE_TITLE, TITLE_SIZE, GK_PDF_BLOCK_WIDTH, PANGO_ALIGN_CENTER,
                      document->title);
  place_lines (self, title, GK_PDF_BLOCK_LEFT, TITLE_SIZE);

  for (guint i = 0; i < document->blocks->len; i++)
    {
      const Block *block = &g_array_index (document->blocks, Block, i);

      switch (block->kind)
        {
        case BLOCK_SUBTITLE:
          place_lines (self, new_layout (self, GK_FONT_ROLE_HEADING2, BODY_SIZE, GK_PDF_BLOCK_WIDTH,
                                         PANGO_ALIGN_CENTER, block->text),
                       GK_PDF_BLOCK_LEFT, BODY_SIZE);
          /* A blank line between the subtitles and the text. */
          if (i + 1 >= document->blocks->len ||
              g_array_index (document->blocks, Block, i + 1).kind != BLOCK_SUBTITLE)
            self->y += LINE_PITCH;
          break;
        case BLOCK_HEADING:
          place_heading (self, block->text);
          break;
        case BLOCK_PARAGRAPH:
          place_paragraph (self, block->text);
          break;
        case BLOCK_TABLE:
        default:
          place_table (self, block);
          break;
        }
    }
  place_signature (self);

  /* Page numbers now, so the font check sees them too. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      g_autofree char *number = gk_pdf_sheet_page_number_text (i);

      new_layout (self, GK_FONT_ROLE_PAGE_NUMBER, GK_PDF_PAGE_NUMBER_SIZE, -1, PANGO_ALIGN_LEFT, number);
    }
}

/* Drawing */

static PangoLayout *
page_number_layout (GkReportRenderer *self,
                    guint             page)
{
  g_autofree char *number = gk_pdf_sheet_page_number_text (page);
  /* The layout made for this page in paginate: the last ones, in order. */
  PangoLayout *layout = g_ptr_array_index (self->layouts, self->layouts->len - self->pages->len + page);

  g_assert (g_str_equal (pango_layout_get_text (layout), number));
  return layout;
}

void
gk_report_renderer_draw_page (GkReportRenderer *self,
                              cairo_t          *cr,
                              guint             page_index)
{
  GArray *ops;

  g_return_if_fail (GK_IS_REPORT_RENDERER (self));
  g_return_if_fail (cr != NULL);

  paginate (self);
  g_return_if_fail (page_index < self->pages->len);
  ops = g_ptr_array_index (self->pages, page_index);

  gk_pdf_sheet_begin_page (cr);

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      switch (op->kind)
        {
        case OP_LINE:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (op->layout, op->line));
          break;
        case OP_CELL:
        default:
          gk_pdf_sheet_draw_cell (cr, op->layout, op->x, op->y, op->width, op->height);
          break;
        }
    }

  gk_pdf_sheet_end_page (cr, page_number_layout (self, page_index), page_index);
}

guint
gk_report_renderer_get_n_pages (GkReportRenderer *self)
{
  g_return_val_if_fail (GK_IS_REPORT_RENDERER (self), 0);

  paginate (self);
  return self->pages->len;
}

void
gk_report_renderer_get_page_size_mm (GkReportRenderer *self,
                                     double           *width,
                                     double           *height)
{
  g_return_if_fail (GK_IS_REPORT_RENDERER (self));

  if (width != NULL)
    *width = GK_PDF_A4_WIDTH_MM;
  if (height != NULL)
    *height = GK_PDF_A4_HEIGHT_MM;
}

GBytes *
gk_report_renderer_render_pdf (GkReportRenderer  *self,
                               GError           **error)
{
  g_return_val_if_fail (GK_IS_REPORT_RENDERER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  paginate (self);
  return gk_pdf_sheet_write_pdf (self->document->title, &self->document->date, self->pages->len,
                                 (GkPdfSheetDrawPageFunc) gk_report_renderer_draw_page, self, error);
}

GPtrArray *
gk_report_renderer_get_substitutions (GkReportRenderer *self)
{
  GPtrArray *subs;

  g_return_val_if_fail (GK_IS_REPORT_RENDERER (self), NULL);

  paginate (self);
  subs = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_font_substitution_free);
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    {
      GkFontSubstitution *sub = gk_font_choice_get_substitution (self->fonts[role]);

      if (sub != NULL)
        g_ptr_array_add (subs, sub);
    }
  return subs;
}

static void
gk_report_renderer_finalize (GObject *object)
{
  GkReportRenderer *self = (GkReportRenderer *) object;

  g_clear_pointer (&self->document, gk_report_document_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    g_clear_pointer (&self->fonts[role], gk_font_choice_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gk_report_renderer_parent_class)->finalize (object);
}

static void
gk_report_renderer_class_init (GkReportRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_report_renderer_finalize;
}

static void
gk_report_renderer_init (GkReportRenderer *self)
{
}

GkReportRenderer *
gk_report_renderer_new (GkReportDocument *document)
{
  GkReportRenderer *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (GK_TYPE_REPORT_RENDERER, NULL);
  self->document = document;
  return self;
}
