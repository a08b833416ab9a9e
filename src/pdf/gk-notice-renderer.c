/* gk-notice-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry after GB/T 9704-2012 (DESIGN §7), all in points on an A4 page;
 * the A3 layout draws the same page scaled by √2.
 *
 * Text sits on a grid of 22 lines × 28 characters. Each character is its
 * own piece, so the grid is ours rather than Pango's: Pango shapes and picks
 * the font of every piece, we break lines and place pieces. A justified
 * line spreads its glyph boxes from the left edge (or the indent) to the
 * right edge; a pure Chinese line holds 28 characters. A line never starts
 * with closing punctuation nor ends with opening punctuation: the character
 * before is pulled down to the next line (no hanging punctuation, so every
 * glyph stays inside the text block) and the shorter line is justified.
 */
#include "pdf/gk-notice-renderer.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pdf/gk-fonts.h"
#include "pdf/gk-pdf-error.h"
#include "pdf/gk-pdf-sheet.h"

#define MM (72.0 / 25.4)

#define A4_WIDTH_MM   210.0
#define A4_HEIGHT_MM  297.0
#define A3_WIDTH_MM   297.0
#define A3_HEIGHT_MM  420.0

#define BLOCK_LEFT    (28.0 * MM)
#define BLOCK_TOP     (37.0 * MM)
#define BLOCK_WIDTH   (156.0 * MM)
#define BLOCK_HEIGHT  (225.0 * MM)
#define N_LINES       22
#define N_CHARS       28
#define CELL          (BLOCK_WIDTH / N_CHARS)
#define PITCH         (BLOCK_HEIGHT / N_LINES)

#define TITLE_SIZE       22.0   /* 2号 */
#define BODY_SIZE        16.0   /* 3号 */
#define PAGE_NUMBER_SIZE 14.0   /* 4号 */
#define CODE_SIZE        10.5   /* 5号 */
#define DRAFT_SIZE       96.0
#define ISSUER_MAX_SIZE  (15.0 * MM)   /* GB/T: at most 15 mm a character wide */

/* Ideographic em boxes put the baseline 88% down from their top whatever the
 * font's ascent, so placing the em box gives the same baseline in every font. */
#define EM_BASELINE   0.88

#define ISSUER_TOP       (BLOCK_TOP + 35.0 * MM)
#define RULE_GAP         (4.0 * MM)
#define RULE_WIDTH       (0.8 * MM)
#define FOOTER_GAP       (7.0 * MM)

struct _GkNoticeRenderer
{
  GObject parent_instance;

  GkNoticeContent *content;
  GkNoticeLayout layout;

  gboolean paginated;
  PangoContext *context;
  GkFontChoice *fonts[GK_FONT_N_ROLES];
  GHashTable *layouts;        /* "role|size|text" → PangoLayout */
  GPtrArray *lines;           /* Line */
  double rule_y;              /* red rule of the redhead layout, page 0; < 0: none */
  guint n_pages;
};

G_DEFINE_FINAL_TYPE (GkNoticeRenderer, gk_notice_renderer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GkNoticeLayout, gk_notice_layout,
  G_DEFINE_ENUM_VALUE (GK_NOTICE_LAYOUT_BULLETIN, "bulletin"),
  G_DEFINE_ENUM_VALUE (GK_NOTICE_LAYOUT_REDHEAD, "redhead"),
  G_DEFINE_ENUM_VALUE (GK_NOTICE_LAYOUT_A3, "a3"))

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  PangoLayout *layout;  /* owned by the layout cache */
  double x;             /* left of the glyph box */
} Piece;

typedef struct {
  guint page;
  double size;          /* of its largest font, to place it on the grid */
  double baseline;
  gboolean red;
  GArray *pieces;
} Line;

typedef enum {
  UNIT_WIDE    = 1 << 0,
  UNIT_SPACE   = 1 << 1,
  UNIT_OPENING = 1 << 2,
  UNIT_CLOSING = 1 << 3,
} UnitFlags;

/* One breakable piece of a paragraph: a Chinese character, or a run of
 * Latin letters and digits measured with Pango. */
typedef struct {
  PangoLayout *layout;
  double fit;      /* width it takes on the grid: a cell for a wide character */
  double box;      /* width of its glyph box when justified */
  double offset;   /* where the glyph sits inside its box */
  UnitFlags flags;
} Unit;

typedef enum {
  ALIGN_JUSTIFY,   /* every line but the last spread edge to edge */
  ALIGN_CENTER,
} Align;

typedef struct {
  GkFontRole role;
  double size;
  const char *text;
  gssize len;
} Span;

/* Where the next grid line goes. */
typedef struct {
  guint page;
  guint line;
} Flow;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_array_unref (line->pieces);
  g_free (line);
}

static double
grid_baseline (guint line,
               double size)
{
  return BLOCK_TOP + line * PITCH + (PITCH - size) / 2 + EM_BASELINE * size;
}

static gboolean
is_closing (gunichar c)
{
  return c != 0 && g_utf8_strchr ("，。、；：？！）》」』】〕〉〗”’…％!),.:;?]}%", -1, c) != NULL;
}

static gboolean
is_opening (gunichar c)
{
  return c != 0 && g_utf8_strchr ("（《「『【〔〈〖“‘([{", -1, c) != NULL;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000;
}

static PangoLayout *
get_layout (GkNoticeRenderer *self,
            GkFontRole        role,
            double            size,
            const char       *text,
            gssize            len)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (len < 0)
    len = strlen (text);

  key = g_strdup_printf ("%d|%g|%.*s", role, size, (int) len, text);
  layout = g_hash_table_lookup (self->layouts, key);
  if (layout == NULL)
    {
      g_autoptr(PangoFontDescription) desc =
        pango_font_description_copy (gk_font_choice_get_description (self->fonts[role]));

      pango_font_description_set_size (desc, (int) round (size * PANGO_SCALE));
      layout = pango_layout_new (self->context);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, text, (int) len);
      gk_font_choice_note_layout (self->fonts[role], layout);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Cuts @span into units: one per wide character or space, one per run of
 * narrow characters (a number, a Latin word with its punctuation). */
static void
append_units (GkNoticeRenderer *self,
              GArray           *units,
              const Span       *span)
{
  const char *p = span->text;
  const char *end = span->text + span->len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Unit unit = { 0 };

      if (is_space (c) || g_unichar_iswide_cjk (c))
        {
          unit.layout = get_layout (self, span->role, span->size, p, next - p);
          unit.flags = g_unichar_iswide_cjk (c) ? UNIT_WIDE : 0;
          if (is_space (c))
            unit.flags |= UNIT_SPACE;
        }
      else
        {
          while (next < end)
            {
              gunichar n = g_utf8_get_char (next);

              if (is_space (n) || g_unichar_iswide_cjk (n))
                break;
              next = g_utf8_next_char (next);
            }
          unit.layout = get_layout (self, span->role, span->size, p, next - p);
        }

      if (unit.flags & UNIT_WIDE)
        {
          double width = layout_width (unit.layout);

          /* A body character is 16 pt on a 156/28 mm pitch: its box is the
           * em, its place on the grid the cell. */
          unit.fit = span->role == GK_FONT_ROLE_TITLE ? span->size : CELL * span->size / BODY_SIZE;
          unit.box = span->size;
          /* Some fonts give quotes half an em: an opening one then belongs
           * at the right of its box, next to what it opens. */
          if (is_opening (c) && width < 0.75 * span->size)
            unit.offset = span->size - width;
        }
      else
        {
          unit.fit = unit.box = layout_width (unit.layout);
        }

      if (is_opening (c))
        unit.flags |= UNIT_OPENING;
      if (is_closing (g_utf8_get_char (p)))
        unit.flags |= UNIT_CLOSING;
      if (!(unit.flags & UNIT_WIDE) && !(unit.flags & UNIT_SPACE))
        {
          /* A narrow run opens with its first character and ends with its last. */
          const char *last = g_utf8_find_prev_char (p, next);

          unit.flags &= ~UNIT_OPENING;
          if (is_opening (g_utf8_get_char (last)))
            unit.flags |= UNIT_OPENING;
        }

      g_array_append_val (units, unit);
      p = next;
    }
}

static Line *
flow_take_line (Flow   *flow,
                double  size)
{
  Line *line = g_new0 (Line, 1);

  if (flow->line >= N_LINES)
    {
      flow->page++;
      flow->line = 0;
    }
  line->page = flow->page;
  line->size = size;
  line->baseline = grid_baseline (flow->line, size);
  line->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  flow->line++;
  return line;
}

static void
flow_skip_line (Flow *flow)
{
  /* A blank line at the top of a page is no blank line at all. */
  if (flow->line > 0 && flow->line < N_LINES)
    flow->line++;
}

static void
place_units (Line       *line,
             const Unit *units,
             guint       n,
             double      start,
             double      end,
             gboolean    justify)
{
  double x = start;
  double gap = 0;

  if (justify && n > 1)
    {
      double boxes = 0;

      for (guint i = 0; i < n; i++)
        boxes += units[i].box;
      gap = (end - start - boxes) / (n - 1);
    }

  for (guint i = 0; i < n; i++)
    {
      Piece piece = { units[i].layout, 0 };

      if (justify && n > 1)
        {
          piece.x = x + units[i].offset;
          x += units[i].box + gap;
        }
      else
        {
          /* Unjustified text stays on the grid: the box centred in its cell. */
          piece.x = x + (units[i].fit - units[i].box) / 2 + units[i].offset;
          x += units[i].fit;
        }
      g_array_append_val (line->pieces, piece);
    }
}

/* Breaks a paragraph made of @spans into grid lines. */
static void
add_paragraph (GkNoticeRenderer *self,
               Flow             *flow,
               const Span       *spans,
               guint             n_spans,
               Align             align,
               double            indent,
               gboolean          red)
{
  g_autoptr(GArray) array = g_array_new (FALSE, TRUE, sizeof (Unit));
  const Unit *units;
  double size = 0;
  guint i = 0;

  for (guint s = 0; s < n_spans; s++)
    {
      append_units (self, array, &spans[s]);
      size = MAX (size, spans[s].size);
    }
  units = (const Unit *) array->data;

  while (i < array->len)
    {
      double avail = BLOCK_WIDTH - indent;
      double used = 0;
      guint start, end, last;
      Line *line;

      while (i < array->len && (units[i].flags & UNIT_SPACE) && !(units[i].flags & UNIT_WIDE))
        i++;
      if (i == array->len)
        break;

      start = end = i;
      while (end < array->len && used + units[end].fit <= avail + 0.01)
        used += units[end++].fit;
      if (end == start)
        end = start + 1;   /* a word wider than the line: let it overflow */

      if (end < array->len)
        while (end > start + 1 &&
               ((units[end].flags & UNIT_CLOSING) || (units[end - 1].flags & UNIT_OPENING)))
          end--;

      last = end;
      while (last > start + 1 && (units[last - 1].flags & UNIT_SPACE) && !(units[last - 1].flags & UNIT_WIDE))
        last--;

      line = flow_take_line (flow, size);
      line->red = red;
      if (align == ALIGN_CENTER)
        {
          double width = 0;

          for (guint k = start; k < last; k++)
            width += units[k].fit;
          place_units (line, units + start, last - start,
                       BLOCK_LEFT + (BLOCK_WIDTH - width) / 2, 0, FALSE);
        }
      else
        {
          place_units (line, units + start, last - start,
                       BLOCK_LEFT + indent, BLOCK_LEFT + BLOCK_WIDTH, end < array->len);
        }
      g_ptr_array_add (self->lines, line);

      i = end;
      indent = 0;
    }
}

static void
add_text (GkNoticeRenderer *self,
          Flow             *flow,
          GkFontRole        role,
          double            size,
          const char       *text,
          Align             align,
          double            indent)
{
  Span span = { role, size, text, strlen (text) };

  add_paragraph (self, flow, &span, 1, align, indent, FALSE);
}

/* Length in bytes of a leading 一、 (level 1) or （一） (level 2) heading, up
 * to and including its first 。; 0 when @para is no heading. */
static gsize
heading_length (const char *para,
                GkFontRole *role)
{
  static const char numerals[] = "一二三四五六七八九十";
  const char *p = para;
  gboolean bracket = g_str_has_prefix (p, "（");
  const char *stop;

  if (bracket)
    p += strlen ("（");
  if (*p == '\0' || g_utf8_strchr (numerals, -1, g_utf8_get_char (p)) == NULL)
    return 0;
  while (*p != '\0' && g_utf8_strchr (numerals, -1, g_utf8_get_char (p)) != NULL)
    p = g_utf8_next_char (p);
  if (!g_str_has_prefix (p, bracket ? "）" : "、"))
    return 0;

  *role = bracket ? GK_FONT_ROLE_HEADING2 : GK_FONT_ROLE_HEADING1;
  stop = strstr (p, "。");
  return stop != NULL ? (gsize) (stop - para) + strlen ("。") : strlen (para);
}

static void
add_body (GkNoticeRenderer *self,
          Flow             *flow)
{
  g_auto(GStrv) paragraphs = NULL;

  if (self->content->body == NULL)
    return;

  paragraphs = g_strsplit (self->content->body, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *para = paragraphs[i];
      GkFontRole role = GK_FONT_ROLE_BODY;
      Span spans[2];
      gsize head;
      guint n = 0;

      /* We indent; typed indents (spaces, 全角空格) would double it. */
      while (*para != '\0' && is_space (g_utf8_get_char (para)))
        para = g_utf8_next_char (para);
      g_strchomp ((char *) para);
      if (*para == '\0')
        continue;

      head = heading_length (para, &role);
      if (head > 0)
        spans[n++] = (Span) { role, BODY_SIZE, para, head };
      if (para[head] != '\0')
        spans[n++] = (Span) { GK_FONT_ROLE_BODY, BODY_SIZE, para + head, strlen (para + head) };
      add_paragraph (self, flow, spans, n, ALIGN_JUSTIFY, 2 * CELL, FALSE);
    }
}

static void
add_header (GkNoticeRenderer *self,
            Flow             *flow)
{
  const char *issuer = self->content->issuer;
  double issuer_bottom = ISSUER_TOP;
  double rule_line;

  if (issuer != NULL && *issuer != '\0')
    {
      glong n = g_utf8_strlen (issuer, -1);
      double size = MIN (ISSUER_MAX_SIZE, BLOCK_WIDTH / n);
      Span span = { GK_FONT_ROLE_TITLE, size, issuer, strlen (issuer) };
      Flow at = { 0, 0 };
      Line *line;

      add_paragraph (self, &at, &span, 1, ALIGN_CENTER, 0, TRUE);
      line = g_ptr_array_index (self->lines, self->lines->len - 1);
      line->baseline = ISSUER_TOP + EM_BASELINE * size;
      issuer_bottom = ISSUER_TOP + size;
    }

  /* 发文字号 two blank lines under the 发文机关标志, the red rule 4 mm under
   * the number, the title two blank lines under the rule. */
  flow->line = (guint) ceil ((issuer_bottom - BLOCK_TOP) / PITCH) + 2;
  if (self->content->doc_number != NULL && *self->content->doc_number != '\0')
    add_text (self, flow, GK_FONT_ROLE_BODY, BODY_SIZE, self->content->doc_number, ALIGN_CENTER, 0);
  else
    flow->line++;

  self->rule_y = grid_baseline (flow->line - 1, BODY_SIZE) + (1 - EM_BASELINE) * BODY_SIZE + RULE_GAP;
  rule_line = ceil ((self->rule_y + RULE_WIDTH / 2 - BLOCK_TOP) / PITCH);
  flow->line = (guint) rule_line + 2;
}

static char *
format_date (const GDate *date)
{
  if (!g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* The units of a short text set on one line, and their width on the grid. */
static GArray *
line_units (GkNoticeRenderer *self,
            const char       *text,
            double           *width)
{
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Unit));
  Span span = { GK_FONT_ROLE_BODY, BODY_SIZE, text, strlen (text) };

  append_units (self, units, &span);
  *width = 0;
  for (guint i = 0; i < units->len; i++)
    *width += g_array_index (units, Unit, i).fit;
  return units;
}

static void
add_units_line (GkNoticeRenderer *self,
                Flow             *flow,
                GArray           *units,
                double            start)
{
  Line *line = flow_take_line (flow, BODY_SIZE);

  place_units (line, (const Unit *) units->data, units->len, start, 0, FALSE);
  g_ptr_array_add (self->lines, line);
}

/* 署名 and 成文日期: the date four characters in from the right, the signature
 * centred over it, both on one page after a blank line. */
static void
add_signature (GkNoticeRenderer *self,
               Flow             *flow)
{
  g_autofree char *date = format_date (&self->content->date);
  const char *signature = self->content->signature;
  g_autoptr(GArray) date_units = NULL;
  g_autoptr(GArray) sig_units = NULL;
  double date_right = BLOCK_LEFT + BLOCK_WIDTH - 4 * CELL;
  double date_width = 0;
  double sig_width = 0;
  double center;

  /* The blank line goes first when space runs short. A page with only the
   * signature on it takes the last line of text along (GB/T 9704 7.3.5). */
  if (flow->line + 3 <= N_LINES)
    {
      flow_skip_line (flow);
    }
  else if (flow->line + 2 > N_LINES)
    {
      Line *last = self->lines->len > 0 ? g_ptr_array_index (self->lines, self->lines->len - 1) : NULL;

      flow->page++;
      flow->line = 0;
      if (last != NULL && last->page + 1 == flow->page)
        {
          last->page = flow->page;
          last->baseline = grid_baseline (flow->line++, last->size);
        }
    }

  if (date != NULL)
    date_units = line_units (self, date, &date_width);
  if (signature != NULL && *signature != '\0')
    sig_units = line_units (self, signature, &sig_width);

  center = date_right - (date != NULL ? date_width : sig_width) / 2;
  if (sig_units != NULL)
    add_units_line (self, flow, sig_units,
                    CLAMP (center - sig_width / 2, BLOCK_LEFT, BLOCK_LEFT + BLOCK_WIDTH - sig_width));
  if (date_units != NULL)
    add_units_line (self, flow, date_units, date_right - date_width);
}

static void
create_context (GkNoticeRenderer *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  gk_fonts_init ();

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* PangoCairo assumes 96 dpi; our unit is the point. */
  pango_cairo_context_set_resolution (self->context, 72);
  /* Unhinted metrics: the layout must not depend on the output device. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));

  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    self->fonts[role] = gk_font_choice_new (role);
}

static char *
verification_text (const char *code)
{
  return g_strdup_printf ("核验码 %s", code);
}

static void
paginate (GkNoticeRenderer *self)
{
  const GkNoticeContent *content = self->content;
  Flow flow = { 0, 0 };

  if (self->paginated)
    return;
  self->paginated = TRUE;

  create_context (self);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->rule_y = -1;

  if (self->layout == GK_NOTICE_LAYOUT_REDHEAD)
    add_header (self, &flow);

  if (content->title != NULL && *content->title != '\0')
    {
      add_text (self, &flow, GK_FONT_ROLE_TITLE, TITLE_SIZE, content->title, ALIGN_CENTER, 0);
      flow_skip_line (&flow);
    }

  add_body (self, &flow);

  if (self->layout != GK_NOTICE_LAYOUT_REDHEAD && content->audiences != NULL && *content->audiences != '\0')
    {
      g_autofree char *scope = g_strdup_printf ("公开范围：%s", content->audiences);

      add_text (self, &flow, GK_FONT_ROLE_BODY, BODY_SIZE, scope, ALIGN_JUSTIFY, 2 * CELL);
    }
  if (content->feedback != NULL && *content->feedback != '\0')
    add_text (self, &flow, GK_FONT_ROLE_BODY, BODY_SIZE, content->feedback, ALIGN_JUSTIFY, 2 * CELL);

  add_signature (self, &flow);

  /* The red-header document states its scope as a 附注 under the date. */
  if (self->layout == GK_NOTICE_LAYOUT_REDHEAD && content->audiences != NULL && *content->audiences != '\0')
    {
      g_autofree char *note = g_strdup_printf ("（此件在%s范围内公开）", content->audiences);

      add_text (self, &flow, GK_FONT_ROLE_BODY, BODY_SIZE, note, ALIGN_JUSTIFY, 2 * CELL);
    }

  self->n_pages = 1;
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      self->n_pages = MAX (self->n_pages, line->page + 1);
    }

  /* Footers and the draft mark now, so the font check sees them too. */
  for (guint page = 0; page < self->n_pages; page++)
    {
      g_autofree char *number = gk_pdf_sheet_page_number_text (page);

      get_layout (self, GK_FONT_ROLE_PAGE_NUMBER, PAGE_NUMBER_SIZE, number, -1);
    }
  if (content->verification != NULL)
    {
      g_autofree char *code = verification_text (content->verification);

      get_layout (self, GK_FONT_ROLE_PAGE_NUMBER, CODE_SIZE, code, -1);
    }
  if (content->draft)
    get_layout (self, GK_FONT_ROLE_HEADING1, DRAFT_SIZE, "草稿 DRAFT", -1);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       baseline)
{
  cairo_move_to (cr, x, baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_draft_mark (GkNoticeRenderer *self,
                 cairo_t          *cr)
{
  PangoLayout *layout = get_layout (self, GK_FONT_ROLE_HEADING1, DRAFT_SIZE, "草稿 DRAFT", -1);
  double width = A4_WIDTH_MM * MM;
  double height = A4_HEIGHT_MM * MM;
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.25);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -atan2 (height, width));
  cairo_move_to (cr, -(double) logical.width / PANGO_SCALE / 2, -(double) logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* "— N —" 7 mm under the text block, one character in from the right on odd
 * pages and from the left on even ones; the verification code on the other side. */
static void
draw_footer (GkNoticeRenderer *self,
             cairo_t          *cr,
             guint             page)
{
  g_autofree char *number = gk_pdf_sheet_page_number_text (page);
  PangoLayout *layout = get_layout (self, GK_FONT_ROLE_PAGE_NUMBER, PAGE_NUMBER_SIZE, number, -1);
  double baseline = BLOCK_TOP + BLOCK_HEIGHT + FOOTER_GAP + EM_BASELINE * PAGE_NUMBER_SIZE;
  gboolean odd = page % 2 == 0;
  double left = BLOCK_LEFT + CELL;
  double right = BLOCK_LEFT + BLOCK_WIDTH - CELL;

  show_layout (cr, layout, odd ? right - layout_width (layout) : left, baseline);

  if (self->content->verification != NULL)
    {
      g_autofree char *text = verification_text (self->content->verification);
      PangoLayout *code = get_layout (self, GK_FONT_ROLE_PAGE_NUMBER, CODE_SIZE, text, -1);

      show_layout (cr, code, odd ? left : right - layout_width (code), baseline);
    }
}

static void
gk_notice_renderer_finalize (GObject *object)
{
  GkNoticeRenderer *self = (GkNoticeRenderer *) object;

  g_clear_pointer (&self->content, gk_notice_content_free);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    g_clear_pointer (&self->fonts[role], gk_font_choice_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gk_notice_renderer_parent_class)->finalize (object);
}

static void
gk_notice_renderer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GkNoticeRenderer *self = GK_NOTICE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_boxed (value, self->content);
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_notice_renderer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GkNoticeRenderer *self = GK_NOTICE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_boxed (value);
      if (self->content == NULL)
        self->content = gk_notice_content_new ();
      break;
    case PROP_LAYOUT:
      self->layout = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_notice_renderer_class_init (GkNoticeRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_notice_renderer_finalize;
  object_class->get_property = gk_notice_renderer_get_property;
  object_class->set_property = gk_notice_renderer_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_boxed ("content", NULL, NULL,
                        GK_TYPE_NOTICE_CONTENT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       GK_TYPE_NOTICE_LAYOUT, GK_NOTICE_LAYOUT_BULLETIN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_notice_renderer_init (GkNoticeRenderer *self)
{
}

const char *
gk_notice_layout_to_string (GkNoticeLayout layout)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (GK_TYPE_NOTICE_LAYOUT);
  GEnumValue *value = g_enum_get_value (klass, layout);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
gk_notice_layout_from_string (const char     *str,
                              GkNoticeLayout *layout)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);

  klass = g_type_class_ref (GK_TYPE_NOTICE_LAYOUT);
  value = g_enum_get_value_by_nick (klass, str);
  if (value == NULL)
    return FALSE;

  *layout = value->value;
  return TRUE;
}

GkNoticeRenderer *
gk_notice_renderer_new (const GkNoticeContent *content,
                        GkNoticeLayout         layout)
{
  g_return_val_if_fail (content != NULL, NULL);

  return g_object_new (GK_TYPE_NOTICE_RENDERER,
                       "content", content,
                       "layout", layout,
                       NULL);
}

guint
gk_notice_renderer_get_n_pages (GkNoticeRenderer *self)
{
  g_return_val_if_fail (GK_IS_NOTICE_RENDERER (self), 0);

  paginate (self);
  return self->n_pages;
}

void
gk_notice_renderer_get_page_size_mm (GkNoticeRenderer *self,
                                     double           *width,
                                     double           *height)
{
  gboolean a3;

  g_return_if_fail (GK_IS_NOTICE_RENDERER (self));

  a3 = self->layout == GK_NOTICE_LAYOUT_A3;
  if (width != NULL)
    *width = a3 ? A3_WIDTH_MM : A4_WIDTH_MM;
  if (height != NULL)
    *height = a3 ? A3_HEIGHT_MM : A4_HEIGHT_MM;
}

void
gk_notice_renderer_draw_page (GkNoticeRenderer *self,
                              cairo_t          *cr,
                              guint             page)
{
  g_return_if_fail (GK_IS_NOTICE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  paginate (self);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  if (self->layout == GK_NOTICE_LAYOUT_A3)
    cairo_scale (cr, G_SQRT2, G_SQRT2);

  if (page == 0 && self->rule_y >= 0)
    {
      cairo_set_source_rgb (cr, 0.9, 0, 0);
      cairo_set_line_width (cr, RULE_WIDTH);
      cairo_move_to (cr, BLOCK_LEFT, self->rule_y);
      cairo_line_to (cr, BLOCK_LEFT + BLOCK_WIDTH, self->rule_y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (line->page != page)
        continue;

      if (line->red)
        cairo_set_source_rgb (cr, 0.9, 0, 0);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);
      for (guint k = 0; k < line->pieces->len; k++)
        {
          Piece *piece = &g_array_index (line->pieces, Piece, k);

          show_layout (cr, piece->layout, piece->x, line->baseline);
        }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_footer (self, cr, page);

  /* Over the text, translucent: a draft must not pass for the real thing. */
  if (self->content->draft)
    draw_draft_mark (self, cr);
  cairo_restore (cr);
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
gk_notice_renderer_render_pdf (GkNoticeRenderer  *self,
                               GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *stamp = NULL;
  const GDate *date;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (GK_IS_NOTICE_RENDERER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  paginate (self);
  gk_notice_renderer_get_page_size_mm (self, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width * MM, height * MM);
  /* The approval binds the PDF's SHA-256: no clock may reach the file. */
  date = &self->content->date;
  stamp = g_date_valid (date)
    ? g_strdup_printf ("%04u-%02u-%02uT00:00:00Z", g_date_get_year (date),
                       g_date_get_month (date), g_date_get_day (date))
    : g_strdup ("2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai");
  if (self->content->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->content->title);

  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      gk_notice_renderer_draw_page (self, cr, page);
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

GPtrArray *
gk_notice_renderer_get_substitutions (GkNoticeRenderer *self)
{
  GPtrArray *subs;

  g_return_val_if_fail (GK_IS_NOTICE_RENDERER (self), NULL);

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
