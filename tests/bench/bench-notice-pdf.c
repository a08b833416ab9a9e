/* bench-notice-pdf.c — how long a 2-page notice takes to print and to preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints one line per figure, "name: median X ms (N runs)", and, when
 * pdftoppm is installed, how our 96 dpi preview compares with it.
 * Usage: bench-notice-pdf [RUNS]
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "pdf/gk-notice-renderer.h"
#include "pdf/gk-pdf-page.h"

#define PARAGRAPH "为深入贯彻落实党务公开条例，进一步规范学校党务公开工作，保障党员和" \
  "师生员工的知情权、参与权、表达权、监督权，根据上级党委有关要求，结合学校实际，现将" \
  "2020年度党务公开工作有关事项通知如下。各单位要高度重视党务公开工作，把党务公开纳入" \
  "党建工作责任制，与业务工作同部署、同落实、同检查、同考核，做到公开有依据、过程有记录、" \
  "结果有反馈。"

typedef void (*BenchFunc) (gpointer data);

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_ms (guint     runs,
           BenchFunc func,
           gpointer  data)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_double);
  return runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
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
} Pdftoppm;

static void
bench_pdftoppm (gpointer data)
{
  Pdftoppm *p = data;
  const char *argv[] = { p->pdftoppm, "-r", "96", "-f", "1", "-l", "1", p->pdf_path, p->out_prefix, NULL };
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
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20;
  double ours = 0;

  if (runs == 0)
    runs = 20;
  if (gk_notice_renderer_get_n_pages (renderer) != 2)
    g_error ("the benchmark notice has %u pages, not 2", gk_notice_renderer_get_n_pages (renderer));

  /* The first run loads fonts and fills caches: keep it out of the figures. */
  pdf = render (content);

  g_print ("notice-pdf-2-pages: median %.2f ms (%u runs)\n", median_ms (runs, bench_render, content), runs);
  for (guint i = 0; i < 2; i++)
    {
      Raster raster = { pdf, i == 0 ? 96 : 150 };
      double ms = median_ms (runs, bench_raster, &raster);

      g_print ("page1-image-%gdpi: median %.2f ms (%u runs)\n", raster.dpi, ms, runs);
      if (i == 0)
        ours = ms;
    }

  if (pdftoppm != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("gongkai-bench-XXXXXX", &error);
      g_autofree char *pdf_path = NULL;
      g_autofree char *out_prefix = NULL;
      Pdftoppm p;
      double theirs;

      if (dir == NULL)
        g_error ("%s", error->message);
      pdf_path = g_build_filename (dir, "notice.pdf", NULL);
      out_prefix = g_build_filename (dir, "page", NULL);
      if (!g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
        g_error ("%s", error->message);

      p = (Pdftoppm) { pdftoppm, pdf_path, out_prefix };
      theirs = median_ms (runs, bench_pdftoppm, &p);
      g_print ("pdftoppm-page1-96dpi: median %.2f ms (%u runs)\n", theirs, runs);
      g_print ("page1-image-96dpi / pdftoppm: ratio %.2f\n", ours / theirs);

      remove_dir (dir);
    }

  return 0;
}
