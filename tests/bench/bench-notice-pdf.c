/* bench-notice-pdf.c — how long a 2-page notice takes to print and to preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints one line per figure, as the other benchmarks do (gk-bench.h),
 * each with a reference measured in the same run: for the PDF, the same
 * title and body set by one PangoLayout on a bare cairo PDF surface of two
 * A4 pages (the cost of shaping and writing the text, without our layout
 * rules); for page 1 as an image, pdftoppm at the same resolution, when it
 * is installed.
 * Usage: bench-notice-pdf [RUNS]
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "pdf/gk-notice-renderer.h"
#include "pdf/gk-pdf-page.h"
#include "gk-bench.h"

#define PARAGRAPH "为深入贯彻落实党务公开条例，进一步规范学校党务公开工作，保障党员和" \
  "师生员工的知情权、参与权、表达权、监督权，根据上级党委有关要求，结合学校实际，现将" \
  "2020年度党务公开工作有关事项通知如下。各单位要高度重视党务公开工作，把党务公开纳入" \
  "党建工作责任制，与业务工作同部署、同落实、同检查、同考核，做到公开有依据、过程有记录、" \
  "结果有反馈。"

typedef void (*BenchFunc) (gpointer data);

static GkBenchFigure
measure (guint     runs,
         BenchFunc func,
         gpointer  data)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      double start = gk_bench_now_ms ();

      func (data);
      times[i] = gk_bench_now_ms () - start;
    }
  return gk_bench_figure (times, runs);
}

static GkNoticeContent *
two_page_notice (void)
{
  GkNoticeContent *content = gk_notice_content_new ();

  content->title = g_strdup ("关于做好2020年度党务公开工作的通知");
  content->body = g_strjoin ("\n", PARAGRAPH, "一、总体要求。" PARAGRAPH, "（一）明确公开主体。" PARAGRAPH,
                             PARAGRAPH, NULL);
  content->audiences = g_strdup ("全体党员、全校师生");
  content->signature = g_strdup ("中共晋中学院委员会办公室");
  g_date_set_dmy (&content->date, 13, G_DATE_JANUARY, 2020);
  content->verification = g_strdup ("1a2b3c4d");
  return content;
}

static GBytes *
render (const GkNoticeContent *content)
{
  g_autoptr(GkNoticeRenderer) renderer = gk_notice_renderer_new (content, GK_NOTICE_LAYOUT_BULLETIN);
  g_autoptr(GError) error = NULL;
  GBytes *pdf = gk_notice_renderer_render_pdf (renderer, &error);

  if (pdf == NULL)
    g_error ("%s", error->message);
  return pdf;
}

static void
bench_render (gpointer data)
{
  g_bytes_unref (render (data));
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The reference: the notice's title and body in one PangoLayout, 156 mm
 * wide in 仿宋 16 pt, on two A4 pages of a bare cairo PDF. */
static void
bench_bare_pdf (gpointer data)
{
  const GkNoticeContent *content = data;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *text = g_strconcat (content->title, "\n", content->body, "\n", content->signature, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("FandolFang, Noto Serif CJK SC 16");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (156 / 25.4 * 72 * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  for (guint page = 0; page < 2; page++)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 79, 105, 442, 638);
      cairo_clip (cr);
      cairo_move_to (cr, 79, 105 - page * 638.0);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || bytes->len == 0)
    g_error ("the reference PDF failed");
  cairo_surface_destroy (surface);
}

typedef struct {
  GBytes *pdf;
  double dpi;
} Raster;

static void
bench_raster (gpointer data)
{
  Raster *raster = data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image = gk_pdf_render_page_image (raster->pdf, 0, raster->dpi, &error);

  if (image == NULL)
    g_error ("%s", error->message);
  cairo_surface_destroy (image);
}

typedef struct {
  const char *pdftoppm;
  const char *pdf_path;
  const char *out_prefix;
  const char *dpi;
} Pdftoppm;

static void
bench_pdftoppm (gpointer data)
{
  Pdftoppm *p = data;
  const char *argv[] = { p->pdftoppm, "-r", p->dpi, "-f", "1", "-l", "1", p->pdf_path, p->out_prefix, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("pdftoppm: %s", error->message);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GkNoticeContent) content = two_page_notice ();
  g_autoptr(GkNoticeRenderer) renderer = gk_notice_renderer_new (content, GK_NOTICE_LAYOUT_BULLETIN);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *out_prefix = NULL;
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20;
  GkBenchFigure figure, reference;

  if (runs == 0)
    runs = 20;
  if (gk_notice_renderer_get_n_pages (renderer) != 2)
    g_error ("the benchmark notice has %u pages, not 2", gk_notice_renderer_get_n_pages (renderer));

  /* The first run loads fonts and fills caches: keep it out of the figures. */
  pdf = render (content);
  bench_bare_pdf (content);

  figure = measure (runs, bench_render, content);
  reference = measure (runs, bench_bare_pdf, content);
  gk_bench_print ("notice-pdf-2-pages", &figure, &reference);

  if (pdftoppm != NULL)
    {
      if ((dir = g_dir_make_tmp ("gongkai-bench-XXXXXX", &error)) == NULL)
        g_error ("%s", error->message);
      pdf_path = g_build_filename (dir, "notice.pdf", NULL);
      out_prefix = g_build_filename (dir, "page", NULL);
      if (!g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
        g_error ("%s", error->message);
    }

  for (guint i = 0; i < 2; i++)
    {
      Raster raster = { pdf, i == 0 ? 96 : 150 };
      Pdftoppm p = { pdftoppm, pdf_path, out_prefix, i == 0 ? "96" : "150" };
      g_autofree char *name = g_strdup_printf ("notice-page1-image-%gdpi", raster.dpi);

      figure = measure (runs, bench_raster, &raster);
      if (pdftoppm != NULL)
        {
          reference = measure (runs, bench_pdftoppm, &p);
          gk_bench_print (name, &figure, &reference);
        }
      else
        gk_bench_print (name, &figure, NULL);
    }

  if (dir != NULL)
    remove_dir (dir);
  return 0;
}
