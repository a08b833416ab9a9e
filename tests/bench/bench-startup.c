/* bench-startup.c — exec → first frame of gongkai on the 100 000-notice
 * database, against a bare libadwaita window; then the resident memory
 * and the longest frame interval while the inbox scrolls to its end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under xvfb-run -a (meson does): both programs print when their
 * first frame is painted and quit (GONGKAI_EXIT_AFTER_FIRST_FRAME=1), and
 * are timed from fork to that moment (g_get_monotonic_time(), one clock
 * for all processes), RUNS times each, alternately. gongkai's first frame
 * shows the catalog tab before its table, which follows in the next
 * frames: it is timed again until the frame that shows the table is
 * painted (GONGKAI_EXIT_AFTER_FIRST_FRAME=catalog). Resident memory is
 * the child's peak (wait4's ru_maxrss) in those runs, and gongkai's own
 * VmRSS once the inbox has scrolled to its end (GONGKAI_BENCH_SCROLL=1).
 * The scrolling's reference is bench-bare-list, a bare GtkListView of as
 * many rows laid out as the inbox's, scrolled the same way: the longest
 * interval between two frames, and the most processor time the main
 * thread spent between two frames (less moved by other programs on a
 * shared machine).
 * Usage: bench-startup BARE-WINDOW BARE-LIST [RUNS]
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gk-bench.h"

/* The demo's head of party office: the inbox waits on her for every
 * escalated plan. */
#define PERSON "孙丽娟"

typedef struct
{
  double ms;
  long   max_rss_kb;
  char  *output;
} Run;

/* The number after PREFIX in OUTPUT, or 0. */
static double
figure_after (const char *output,
              const char *prefix)
{
  const char *found = output != NULL ? strstr (output, prefix) : NULL;

  return found != NULL ? g_ascii_strtod (found + strlen (prefix), NULL) : 0;
}

static Run
run (const char * const *argv,
     const char         *extra_env)
{
  g_autofree char *output_path = g_build_filename (g_get_tmp_dir (), "gk-bench-startup.out", NULL);
  struct rusage usage;
  double start = gk_bench_now_ms ();
  double exited, painted_us;
  int status;
  pid_t pid = fork ();
  Run result = { 0 };

  if (pid == 0)
    {
      FILE *out = freopen (output_path, "w", stdout);

      if (out == NULL)
        _exit (126);
      setenv ("GONGKAI_PERSON", PERSON, 1);
      if (extra_env != NULL)
        putenv ((char *) extra_env);
      else
        setenv ("GONGKAI_EXIT_AFTER_FIRST_FRAME", "1", 1);
      execv (argv[0], (char * const *) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s did not run to its end", argv[0]);
  exited = gk_bench_now_ms ();
  result.max_rss_kb = usage.ru_maxrss;
  g_file_get_contents (output_path, &result.output, NULL, NULL);
  g_unlink (output_path);
  /* Until the frame was painted, as the program says, not until it has
   * quit: its teardown is not start-up. */
  painted_us = figure_after (result.output, "painted-us: ");
  result.ms = (painted_us > 0 ? painted_us / 1000.0 : exited) - start;
  return result;
}

static void
print_scroll (const char *name,
              double      ours,
              double      reference,
              const char *unit)
{
  g_print ("%s: %.1f %s (reference %.1f %s, ratio %.2f)\n",
           name, ours, unit, reference, unit, reference > 0 ? ours / reference : 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = gk_bench_database ();
  const char *gui = g_getenv ("GONGKAI_GUI");
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 7;
  const char *bare_argv[] = { argc > 1 ? argv[1] : NULL, NULL };
  const char *list_argv[] = { argc > 2 ? argv[2] : NULL, NULL };
  const char *app_argv[] = { gui, "--database", path, NULL };
  g_autofree double *bare = g_new (double, runs);
  g_autofree double *app = g_new (double, runs);
  g_autofree double *shown = g_new (double, runs);
  long bare_rss = 0, app_rss = 0;
  GkBenchFigure figure, reference;
  Run scrolled, bare_scrolled;

  if (gui == NULL || bare_argv[0] == NULL || list_argv[0] == NULL)
    g_error ("usage: GONGKAI_GUI=gongkai bench-startup BARE-WINDOW BARE-LIST [RUNS]");

  /* Once each to fill the disk cache, as on a second start. */
  g_free (run (bare_argv, NULL).output);
  g_free (run (app_argv, NULL).output);
  for (guint i = 0; i < runs; i++)
    {
      Run b = run (bare_argv, NULL);
      Run a = run (app_argv, NULL);
      Run c = run (app_argv, "GONGKAI_EXIT_AFTER_FIRST_FRAME=catalog");

      bare[i] = b.ms;
      app[i] = a.ms;
      shown[i] = c.ms;
      bare_rss = MAX (bare_rss, b.max_rss_kb);
      app_rss = MAX (app_rss, MAX (a.max_rss_kb, c.max_rss_kb));
      g_free (b.output);
      g_free (a.output);
      g_free (c.output);
    }
  figure = gk_bench_figure (app, runs);
  reference = gk_bench_figure (bare, runs);
  gk_bench_print ("startup-first-frame-100k", &figure, &reference);
  figure = gk_bench_figure (shown, runs);
  gk_bench_print ("startup-catalog-shown-100k", &figure, &reference);
  g_print ("startup-peak-memory-100k: %.1f MB (reference %.1f MB, ratio %.2f)\n",
           app_rss / 1024.0, bare_rss / 1024.0, (double) app_rss / MAX (1, bare_rss));

  scrolled = run (app_argv, "GONGKAI_BENCH_SCROLL=1");
  bare_scrolled = run (list_argv, "GONGKAI_BENCH_SCROLL=1");
  g_print ("%s%s", scrolled.output != NULL ? scrolled.output : "", bare_scrolled.output != NULL ? bare_scrolled.output : "");
  print_scroll ("inbox-scroll-longest-frame-100k", figure_after (scrolled.output, "longest frame interval "),
                figure_after (bare_scrolled.output, "longest frame interval "), "ms");
  print_scroll ("inbox-scroll-most-cpu-per-frame-100k",
                figure_after (scrolled.output, "processor time between two frames "),
                figure_after (bare_scrolled.output, "processor time between two frames "), "ms");
  print_scroll ("inbox-scroll-memory-at-end-100k", figure_after (scrolled.output, "resident memory at the end ") / 1024,
                figure_after (bare_scrolled.output, "resident memory at the end ") / 1024, "MB");
  g_print ("inbox-scroll-peak-memory-100k: %.1f MB (reference %.1f MB, ratio %.2f)\n",
           scrolled.max_rss_kb / 1024.0, bare_rss / 1024.0, (double) scrolled.max_rss_kb / MAX (1, bare_rss));
  g_free (scrolled.output);
  g_free (bare_scrolled.output);
  return 0;
}
