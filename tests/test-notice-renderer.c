/* test-notice-renderer.c — the GB/T 9704 notice renderer, read back with Poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <poppler.h>

#include "pdf/gk-fonts.h"
#include "pdf/gk-notice-renderer.h"
#include "pdf/gk-pdf-error.h"
#include "pdf/gk-pdf-page.h"

#define MM (72.0 / 25.4)
#define TITLE "关于做好2020年度党务公开工作的通知"
#define ISSUER "中共晋中学院委员会办公室文件"
#define DOC_NUMBER "党办字〔2020〕3号"
#define CODE "1a2b3c4d"
#define CLOSING "，。、；：？！）》」』】〕〉”’"
#define OPENING "（《「『【〔〈“‘"

typedef struct {
  gunichar c;
  guint index;          /* in poppler_page_get_text () */
  PopplerRectangle r;
} Glyph;

/* The glyphs of one printed line, left to right. */
typedef struct {
  GArray *glyphs;
  char *text;
  double mid;
} TextLine;

/* What a layout's rendering of the fixture looks like on paper. */
typedef struct {
  GkNoticeLayout layout;
  double scale;
  GBytes *pdf;
  guint n_pages;
  PopplerDocument *document;
  GPtrArray *pages;        /* GPtrArray of TextLine, per page */
} Rendering;

static Rendering *renderings[3];

static double left_edge (const Rendering *r) { return 28 * MM * r->scale; }
static double top_edge (const Rendering *r) { return 37 * MM * r->scale; }
static double block_width (const Rendering *r) { return 156 * MM * r->scale; }
static double block_height (const Rendering *r) { return 225 * MM * r->scale; }
static double cell (const Rendering *r) { return block_width (r) / 28; }
static double pitch (const Rendering *r) { return block_height (r) / 22; }

static GkNoticeContent *
fixture_content (void)
{
  g_autoptr(GkNoticeContent) content = gk_notice_content_new ();
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("GONGKAI_TEST_DATA");
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  path = dir != NULL
    ? g_build_filename (dir, "notice-long.txt", NULL)
    : g_test_build_filename (G_TEST_DIST, "data", "notice-long.txt", NULL);
  g_file_get_contents (path, &body, NULL, &error);
  g_assert_no_error (error);

  content->title = g_strdup (TITLE);
  content->body = g_steal_pointer (&body);
  content->audiences = g_strdup ("全体党员、全校师生");
  content->feedback = g_strdup ("意见反馈：党委办公室（行政楼301室），电话0354-3020123。");
  content->signature = g_strdup ("中共晋中学院委员会办公室");
  g_date_set_dmy (&content->date, 13, G_DATE_JANUARY, 2020);
  content->issuer = g_strdup (ISSUER);
  content->doc_number = g_strdup (DOC_NUMBER);
  content->verification = g_strdup (CODE);
  return g_steal_pointer (&content);
}

static GBytes *
render (const GkNoticeContent *content,
        GkNoticeLayout         layout)
{
  g_autoptr(GkNoticeRenderer) renderer = gk_notice_renderer_new (content, layout);
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  pdf = gk_notice_renderer_render_pdf (renderer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static void
text_line_free (gpointer data)
{
  TextLine *line = data;

  g_array_unref (line->glyphs);
  g_free (line->text);
  g_free (line);
}

static double
mid_y (const Glyph *glyph)
{
  return (glyph->r.y1 + glyph->r.y2) / 2;
}

/* Fonts differ in ascent and descent, so Poppler's boxes of one line differ
 * in height: a line is what lies within a third of a grid line of its middle. */
#define SAME_LINE 8.0

static int
compare_glyph_y (gconstpointer a,
                 gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (fabs (mid_y (ga) - mid_y (gb)) > SAME_LINE)
    return mid_y (ga) < mid_y (gb) ? -1 : 1;
  return ga->r.x1 < gb->r.x1 ? -1 : ga->r.x1 > gb->r.x1;
}

/* Groups the page's glyphs (spaces left out) into lines by their bottom edge. */
static GPtrArray *
read_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GPtrArray *lines = g_ptr_array_new_with_free_func (text_line_free);
  TextLine *line = NULL;
  guint n_rects = 0;
  guint i = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, ==, g_utf8_strlen (text, -1));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      Glyph glyph = { g_utf8_get_char (p), i, rects[i] };

      if (!g_unichar_isspace (glyph.c))
        g_array_append_val (glyphs, glyph);
    }
  g_array_sort (glyphs, compare_glyph_y);

  for (i = 0; i < glyphs->len; i++)
    {
      Glyph *glyph = &g_array_index (glyphs, Glyph, i);

      if (line == NULL || fabs (mid_y (glyph) - line->mid) > SAME_LINE)
        {
          line = g_new0 (TextLine, 1);
          line->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
          line->mid = mid_y (glyph);
          g_ptr_array_add (lines, line);
        }
      g_array_append_val (line->glyphs, *glyph);
    }

  for (i = 0; i < lines->len; i++)
    {
      GString *text_of_line = g_string_new (NULL);

      line = g_ptr_array_index (lines, i);
      for (guint k = 0; k < line->glyphs->len; k++)
        g_string_append_unichar (text_of_line, g_array_index (line->glyphs, Glyph, k).c);
      line->text = g_string_free (text_of_line, FALSE);
    }
  return lines;
}

static Rendering *
get_rendering (GkNoticeLayout layout)
{
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GkNoticeRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  Rendering *r;

  if (renderings[layout] != NULL)
    return renderings[layout];

  content = fixture_content ();
  renderer = gk_notice_renderer_new (content, layout);
  r = g_new0 (Rendering, 1);
  r->layout = layout;
  r->scale = layout == GK_NOTICE_LAYOUT_A3 ? G_SQRT2 : 1;
  r->pdf = gk_notice_renderer_render_pdf (renderer, &error);
  g_assert_no_error (error);
  r->n_pages = gk_notice_renderer_get_n_pages (renderer);
  r->document = poppler_document_new_from_bytes (r->pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (r->document), ==, r->n_pages);

  r->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < r->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (r->document, i);

      g_ptr_array_add (r->pages, read_lines (page));
      g_object_unref (page);
    }

  renderings[layout] = r;
  return r;
}

static gboolean
is_footer (const Rendering *r,
           const TextLine  *line)
{
  return g_array_index (line->glyphs, Glyph, 0).r.y1 > top_edge (r) + block_height (r);
}

/* The lines inside the text block of page @page (from 0). */
static GPtrArray *
block_lines (const Rendering *r,
             guint            page)
{
  GPtrArray *all = g_ptr_array_index (r->pages, page);
  GPtrArray *lines = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (!is_footer (r, g_ptr_array_index (all, i)))
      g_ptr_array_add (lines, g_ptr_array_index (all, i));
  return lines;
}

static const TextLine *
footer_line (const Rendering *r,
             guint            page)
{
  GPtrArray *all = g_ptr_array_index (r->pages, page);

  for (guint i = 0; i < all->len; i++)
    if (is_footer (r, g_ptr_array_index (all, i)))
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
}

static const Glyph *
glyph (const TextLine *line,
       guint           i)
{
  return &g_array_index (line->glyphs, Glyph, i);
}

static const Glyph *
last_glyph (const TextLine *line)
{
  return glyph (line, line->glyphs->len - 1);
}

static gboolean
in_set (gunichar    c,
        const char *set)
{
  return g_utf8_strchr (set, -1, c) != NULL;
}

static gboolean
all_wide (const TextLine *line)
{
  for (guint i = 0; i < line->glyphs->len; i++)
    if (!g_unichar_iswide_cjk (glyph (line, i)->c))
      return FALSE;
  return TRUE;
}

static GkNoticeLayout
test_layout (gconstpointer data)
{
  return GPOINTER_TO_UINT (data);
}

static void
test_page_size (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));
  g_autoptr(GError) error = NULL;
  double want_w = r->layout == GK_NOTICE_LAYOUT_A3 ? 297 : 210;
  double want_h = r->layout == GK_NOTICE_LAYOUT_A3 ? 420 : 297;

  g_assert_cmpuint (r->n_pages, >=, 3);
  g_assert_cmpuint (gk_pdf_count_pages (r->pdf, &error), ==, r->n_pages);
  g_assert_no_error (error);

  for (guint i = 0; i < r->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (r->document, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, want_w * MM, 0.01);
      g_assert_cmpfloat_with_epsilon (h, want_h * MM, 0.01);
      g_object_unref (page);
    }
}

static const TextLine *
find_line (GPtrArray  *lines,
           const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TextLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->text, text))
        return line;
    }
  g_error ("no line reads %s", text);
}

static guint
title_index (const Rendering *r,
             GPtrArray       *lines)
{
  const TextLine *title = find_line (lines, TITLE);
  guint i = 0;

  while (g_ptr_array_index (lines, i) != title)
    i++;
  return i;
}

/* Every glyph but the footer's lies inside the 156 × 225 mm text block. */
static void
test_text_block (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));
  /* A 16 pt glyph box on a 156/28 mm pitch overhangs its cell by 0.1 pt. */
  double tolerance = 0.15 * r->scale;

  for (guint p = 0; p < r->n_pages; p++)
    {
      g_autoptr(GPtrArray) lines = block_lines (r, p);

      g_assert_cmpuint (lines->len, >, 0);
      for (guint l = 0; l < lines->len; l++)
        {
          const TextLine *line = g_ptr_array_index (lines, l);
          /* Poppler's boxes span the font's ascent and descent, and Noto
           * CJK's reach above the em: only body lines fit the grid line's
           * band that way, the 22 pt title's box may poke out of it. */
          gboolean body = p > 0 || l > title_index (r, lines);

          for (guint i = 0; i < line->glyphs->len; i++)
            {
              const PopplerRectangle *rect = &glyph (line, i)->r;

              g_assert_cmpfloat (rect->x1, >=, left_edge (r) - tolerance);
              g_assert_cmpfloat (rect->x2, <=, left_edge (r) + block_width (r) + tolerance);
              if (body)
                {
                  g_assert_cmpfloat (rect->y1, >=, top_edge (r));
                  g_assert_cmpfloat (rect->y2, <=, top_edge (r) + block_height (r));
                }
            }
        }
    }
}

/* The height of Poppler's box for most glyphs: the body font's. */
static double
modal_height (GPtrArray *lines)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best = 0;
  int best_key = 0;

  for (guint l = 0; l < lines->len; l++)
    {
      const TextLine *line = g_ptr_array_index (lines, l);

      for (guint i = 0; i < line->glyphs->len; i++)
        {
          const Glyph *g = &g_array_index (line->glyphs, Glyph, i);
          int key = (int) round ((g->r.y2 - g->r.y1) * 100);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (key))) + 1;

          g_hash_table_insert (counts, GINT_TO_POINTER (key), GUINT_TO_POINTER (n));
          if (n > best)
            {
              best = n;
              best_key = key;
            }
        }
    }
  return best_key / 100.0;
}

/* The bottom of a body-font glyph of @line: with one font, box bottoms are
 * as far apart as baselines. */
static gboolean
body_bottom (const TextLine *line,
             double          height,
             double         *y2)
{
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (line->glyphs, Glyph, i);

      if (fabs (g->r.y2 - g->r.y1 - height) < 0.02)
        {
          *y2 = g->r.y2;
          return TRUE;
        }
    }
  return FALSE;
}

/* A page holding only the signature takes the last line of text along, so
 * the page before it is one line short. */
static guint
carried_lines (const Rendering *r,
               guint            page)
{
  g_autoptr(GPtrArray) last = NULL;

  if (page + 2 != r->n_pages)
    return 0;
  last = block_lines (r, page + 1);
  return last->len <= 3 ? 1 : 0;
}

/* Middle pages hold 22 lines at a pitch of 225/22 mm; full Chinese lines 28
 * characters edge to edge, fewer only where 禁则 pulled a character down. */
static void
test_grid (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));
  guint full_lines = 0;
  guint pulled_lines = 0;

  for (guint p = 1; p + 1 < r->n_pages; p++)
    {
      g_autoptr(GPtrArray) lines = block_lines (r, p);

      double height = modal_height (lines);
      double first_y2 = 0;
      guint checked = 0;

      g_assert_cmpuint (lines->len, ==, 22 - carried_lines (r, p));
      for (guint l = 0; l < lines->len; l++)
        {
          const TextLine *line = g_ptr_array_index (lines, l);
          double y2;

          if (!body_bottom (line, height, &y2))
            continue;
          if (checked++ == 0)
            first_y2 = y2 - l * pitch (r);
          g_assert_cmpfloat_with_epsilon (y2 - first_y2, l * pitch (r), 0.05 * r->scale);
        }
      g_assert_cmpuint (checked, >=, 15);
    }

  for (guint p = 0; p < r->n_pages; p++)
    {
      g_autoptr(GPtrArray) lines = block_lines (r, p);

      for (guint l = 0; l < lines->len; l++)
        {
          const TextLine *line = g_ptr_array_index (lines, l);
          const TextLine *next = l + 1 < lines->len ? g_ptr_array_index (lines, l + 1) : NULL;
          double right = left_edge (r) + block_width (r);
          guint indent, n = line->glyphs->len;

          if (p == 0 && l <= title_index (r, lines))
            continue;
          if (fabs (last_glyph (line)->r.x2 - right) > 0.2 * r->scale || !all_wide (line))
            continue;

          indent = (guint) round ((glyph (line, 0)->r.x1 - left_edge (r)) / cell (r));
          g_assert_true (indent == 0 || indent == 2);
          g_assert_cmpfloat_with_epsilon (glyph (line, 0)->r.x1, left_edge (r) + indent * cell (r), 0.2 * r->scale);
          full_lines++;

          if (n == 28 - indent)
            {
              double spacing = (glyph (line, n - 1)->r.x1 - glyph (line, 0)->r.x1) / (n - 1);

              g_assert_cmpfloat_with_epsilon (spacing, cell (r), 0.05 * r->scale);
              continue;
            }

          /* A shorter full line: what would have started the next line was
           * closing punctuation, so the characters before it came along. */
          g_assert_cmpuint (n, <, 28 - indent);
          g_assert_nonnull (next);
          if (!in_set (glyph (next, 0)->c, OPENING))
            for (guint k = 1; k <= 28 - indent - n; k++)
              g_assert_true (in_set (glyph (next, k)->c, CLOSING));
          pulled_lines++;
        }
    }

  g_assert_cmpuint (full_lines, >=, 40);
  /* The fixture puts punctuation where a naive break would start a line with it. */
  g_assert_cmpuint (pulled_lines, >=, 2);
}

static void
test_kinsoku (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));

  for (guint p = 0; p < r->n_pages; p++)
    {
      g_autoptr(GPtrArray) lines = block_lines (r, p);

      for (guint l = 0; l < lines->len; l++)
        {
          const TextLine *line = g_ptr_array_index (lines, l);

          if (in_set (glyph (line, 0)->c, CLOSING) || in_set (last_glyph (line)->c, OPENING))
            g_error ("page %u line %u breaks 禁则: %s", p + 1, l + 1, line->text);
        }
    }
}

/* "— N —" 7 mm under the block, one character in from the right on odd pages
 * and from the left on even ones; the verification code on the other side. */
static void
test_page_numbers (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));
  double right = left_edge (r) + block_width (r);

  for (guint p = 0; p < r->n_pages; p++)
    {
      const TextLine *footer = footer_line (r, p);
      g_autofree char *number = g_strdup_printf ("—%u—", p + 1);
      g_autofree char *want = NULL;
      const Glyph *first, *last;
      const char *at;
      guint start;

      want = p % 2 == 0
        ? g_strdup_printf ("核验码%s%s", CODE, number)
        : g_strdup_printf ("%s核验码%s", number, CODE);
      g_assert_cmpstr (footer->text, ==, want);

      at = strstr (footer->text, number);
      start = g_utf8_pointer_to_offset (footer->text, at);
      first = glyph (footer, start);
      last = glyph (footer, start + g_utf8_strlen (number, -1) - 1);

      /* 4号, its em box starting 7 mm under the block. Poppler's box spans
       * the font's ascent and descent: at least the 14 pt em, starting at
       * most 0.3 em above it (a 96 dpi PangoCairo would make it 18.7 pt). */
      g_assert_cmpfloat (first->r.y2 - first->r.y1, <=, 1.5 * 14 * r->scale);
      g_assert_cmpfloat (first->r.y1, >=, top_edge (r) + block_height (r) + 7 * MM * r->scale - 0.3 * 14 * r->scale);
      g_assert_cmpfloat (first->r.y1, <=, top_edge (r) + block_height (r) + 7 * MM * r->scale + 0.05 * r->scale);
      g_assert_cmpfloat (first->r.y2, >=, top_edge (r) + block_height (r) + 7 * MM * r->scale + 14 * r->scale);

      if (p % 2 == 0)
        {
          g_assert_cmpfloat_with_epsilon (last->r.x2, right - cell (r), 0.5 * r->scale);
          g_assert_cmpfloat_with_epsilon (glyph (footer, 0)->r.x1, left_edge (r) + cell (r), 0.5 * r->scale);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (first->r.x1, left_edge (r) + cell (r), 0.5 * r->scale);
          g_assert_cmpfloat_with_epsilon (last_glyph (footer)->r.x2, right - cell (r), 0.5 * r->scale);
        }
    }
}

static void
test_fonts (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));
  PopplerFontInfo *info = poppler_font_info_new (r->document);
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  g_assert_true (poppler_font_info_scan (info, r->n_pages, &iter));
  g_assert_nonnull (iter);
  do
    {
      g_test_message ("font %s", poppler_fonts_iter_get_name (iter));
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_true (poppler_fonts_iter_is_subset (iter));
      n_fonts++;
    }
  while (poppler_fonts_iter_next (iter));

  /* title, body, two headings and page numbers */
  g_assert_cmpuint (n_fonts, >=, 4);
  poppler_fonts_iter_free (iter);
  g_object_unref (info);
}

/* Poppler's font size and colour of @g on page @page, valid until the next call. */
static const PopplerTextAttributes *
text_attributes (const Rendering *r,
                 guint            page,
                 const Glyph     *g)
{
  static GList *attributes;
  PopplerPage *poppler_page = poppler_document_get_page (r->document, page);

  g_clear_pointer (&attributes, poppler_page_free_text_attributes);
  attributes = poppler_page_get_text_attributes (poppler_page);
  g_object_unref (poppler_page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if ((guint) a->start_index <= g->index && g->index <= (guint) a->end_index)
        return a;
    }
  g_assert_not_reached ();
}

/* The title in 2号 (22 pt) centred, the body in 3号 (16 pt): a 96 dpi
 * PangoCairo would make both a third larger. */
static void
test_title (gconstpointer data)
{
  Rendering *r = get_rendering (test_layout (data));
  g_autoptr(GPtrArray) lines = block_lines (r, 0);
  guint title_at = title_index (r, lines);
  const TextLine *title = g_ptr_array_index (lines, title_at);
  const TextLine *body;
  const PopplerTextAttributes *attributes;
  double center;

  if (r->layout == GK_NOTICE_LAYOUT_REDHEAD)
    {
      const TextLine *issuer = g_ptr_array_index (lines, 0);
      const TextLine *number = g_ptr_array_index (lines, 1);

      g_assert_cmpstr (issuer->text, ==, ISSUER);
      attributes = text_attributes (r, 0, glyph (issuer, 0));
      g_assert_cmpuint (attributes->color.red, >, 0xc000);
      g_assert_cmpuint (attributes->color.green, <, 0x2000);
      g_assert_cmpuint (text_attributes (r, 0, glyph (number, 0))->color.red, <, 0x2000);
      g_assert_cmpstr (number->text, ==, DOC_NUMBER);
      g_assert_cmpuint (title_at, ==, 2);
      /* The 发文机关标志's top 35 mm under the block's top. */
      g_assert_cmpfloat (glyph (issuer, 0)->r.y1, <=, top_edge (r) + 35 * MM * r->scale + 1);
      g_assert_cmpfloat (glyph (issuer, 0)->r.y2, >, top_edge (r) + 35 * MM * r->scale);
      g_assert_cmpfloat (glyph (number, 0)->r.y1, >, glyph (issuer, 0)->r.y2);
      g_assert_cmpfloat (glyph (title, 0)->r.y1, >, glyph (number, 0)->r.y2 + 2 * pitch (r));
    }
  else
    {
      g_assert_cmpuint (title_at, ==, 0);
      g_assert_cmpfloat (glyph (title, 0)->r.y1, <, top_edge (r) + pitch (r));
    }

  g_assert_cmpfloat_with_epsilon (text_attributes (r, 0, glyph (title, 0))->font_size, 22 * r->scale, 0.01);
  center = (glyph (title, 0)->r.x1 + last_glyph (title)->r.x2) / 2;
  g_assert_cmpfloat_with_epsilon (center, left_edge (r) + block_width (r) / 2, 0.5 * r->scale);

  body = g_ptr_array_index (lines, title_at + 1);
  g_assert_cmpfloat_with_epsilon (body->mid - title->mid, 2 * pitch (r), 6 * r->scale);
  g_assert_cmpfloat_with_epsilon (text_attributes (r, 0, glyph (body, 0))->font_size, 16 * r->scale, 0.01);
  g_assert_cmpfloat_with_epsilon (glyph (body, 0)->r.x1, left_edge (r) + 2 * cell (r), 0.2 * r->scale);
}

static char *
checksum (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Same content, same fonts: same bytes, in this process and in another. */
static void
test_deterministic (gconstpointer data)
{
  GkNoticeLayout layout = test_layout (data);
  g_autoptr(GkNoticeContent) content = fixture_content ();
  g_autoptr(GBytes) first = render (content, layout);
  g_autoptr(GBytes) second = render (content, layout);
  g_autofree char *sum = checksum (first);
  g_autofree char *pattern = NULL;

  if (g_test_subprocess ())
    {
      g_print ("sha256=%s\n", sum);
      return;
    }

  g_assert_true (g_bytes_equal (first, second));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  pattern = g_strdup_printf ("*sha256=%s*", sum);
  g_test_trap_assert_stdout (pattern);
}

/* A font that is not installed is reported with what printed instead. The
 * check runs in a child process, which sets GONGKAI_FONT_BODY before any
 * thread exists. */
static void
test_substitution (gconstpointer data)
{
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GkNoticeRenderer) renderer = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  GkFontSubstitution *body = NULL;
  g_autofree char *message = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*Gongkai Missing Fangsong not installed:*");
      return;
    }

  g_setenv ("GONGKAI_FONT_BODY", "Gongkai Missing Fangsong", TRUE);
  content = fixture_content ();
  renderer = gk_notice_renderer_new (content, test_layout (data));
  pdf = gk_notice_renderer_render_pdf (renderer, &error);
  g_assert_no_error (error);

  subs = gk_notice_renderer_get_substitutions (renderer);
  for (guint i = 0; i < subs->len; i++)
    {
      GkFontSubstitution *sub = g_ptr_array_index (subs, i);

      if (sub->role == GK_FONT_ROLE_BODY)
        body = sub;
    }
  g_assert_nonnull (body);
  g_assert_cmpstr (body->wanted, ==, "Gongkai Missing Fangsong");
  g_assert_cmpstr (body->used, !=, "");
  g_assert_null (strstr (body->used, "Gongkai Missing"));

  message = gk_font_substitution_describe (body);
  g_assert_nonnull (strstr (message, body->used));
  g_print ("%s\n", message);
}

/* A draft carries the diagonal 草稿 / DRAFT mark and no verification code. */
static void
test_draft (void)
{
  g_autoptr(GkNoticeContent) content = fixture_content ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  g_clear_pointer (&content->verification, g_free);
  content->draft = TRUE;
  pdf = render (content, GK_NOTICE_LAYOUT_BULLETIN);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      /* Text extraction cuts the rotated mark into pieces: look for its
       * characters, which the fixture does not use. */
      g_assert_nonnull (strstr (text, "草"));
      g_assert_nonnull (strstr (text, "稿"));
      g_assert_nonnull (strstr (text, "DR"));
      g_assert_null (strstr (text, "核验码"));
      g_object_unref (page);
    }
  g_object_unref (document);
}

static void
test_layout_strings (void)
{
  GkNoticeLayout layout;

  for (GkNoticeLayout l = GK_NOTICE_LAYOUT_BULLETIN; l <= GK_NOTICE_LAYOUT_A3; l++)
    {
      g_assert_true (gk_notice_layout_from_string (gk_notice_layout_to_string (l), &layout));
      g_assert_cmpint (layout, ==, l);
    }
  g_assert_cmpstr (gk_notice_layout_to_string (GK_NOTICE_LAYOUT_REDHEAD), ==, "redhead");
  g_assert_false (gk_notice_layout_from_string ("letter", &layout));
}

static void
test_page_image (void)
{
  Rendering *r = get_rendering (GK_NOTICE_LAYOUT_BULLETIN);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a pdf", 9);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  guint32 corner;

  image = gk_pdf_render_page_image (r->pdf, 0, 96, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 794);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1123);
  corner = *(guint32 *) cairo_image_surface_get_data (image);
  g_assert_cmphex (corner, ==, 0xffffffff);
  cairo_surface_destroy (image);

  g_assert_null (gk_pdf_render_page_image (r->pdf, r->n_pages, 96, &error));
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_NO_PAGE);
  g_clear_error (&error);

  g_assert_cmpuint (gk_pdf_count_pages (junk, &error), ==, 0);
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_INVALID_PDF);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    GTestDataFunc func;
  } checks[] = {
    { "page-size", test_page_size },
    { "text-block", test_text_block },
    { "grid", test_grid },
    { "kinsoku", test_kinsoku },
    { "page-numbers", test_page_numbers },
    { "fonts", test_fonts },
    { "title", test_title },
    { "deterministic", test_deterministic },
    { "substitution", test_substitution },
  };

  g_test_init (&argc, &argv, NULL);

  for (GkNoticeLayout layout = GK_NOTICE_LAYOUT_BULLETIN; layout <= GK_NOTICE_LAYOUT_A3; layout++)
    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        g_autofree char *path = g_strdup_printf ("/pdf/%s/%s", gk_notice_layout_to_string (layout),
                                                 checks[i].name);

        g_test_add_data_func (path, GUINT_TO_POINTER (layout), checks[i].func);
      }
  g_test_add_func ("/pdf/draft", test_draft);
  g_test_add_func ("/pdf/layout-strings", test_layout_strings);
  g_test_add_func ("/pdf/page-image", test_page_image);

  return g_test_run ();
}
