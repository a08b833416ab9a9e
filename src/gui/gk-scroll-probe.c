/* gk-scroll-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gk-scroll-probe.h"

#define STEPS 600
/* Frames kept for the percentiles: the scroll takes some STEPS. */
#define FRAMES_KEPT (STEPS * 2)

typedef struct
{
  char   *name;
  gint64  start;         /* frame time of the first frame */
  gint64  previous;      /* … of the previous one */
  gint64  previous_cpu;  /* the thread's processor time then */
  gint64  longest;       /* longest interval, the first frame's included */
  gint64  most_cpu;      /* most processor time between two frames */
  guint   frames;
  /* After the first frame, which also holds the list's first layout. */
  gint64  intervals[FRAMES_KEPT];
  gint64  cpu[FRAMES_KEPT];
} Probe;

static void
probe_free (Probe *probe)
{
  g_free (probe->name);
  g_free (probe);
}

/* The processor time of the calling thread, in µs: on a shared machine
 * the frame intervals also hold the time other programs had the cores. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static guint
read_vm_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return (guint) g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The FRACTION quantile of the N first of TIMES (sorted here), in ms. */
static double
percentile (gint64 *times,
            guint   n,
            double  fraction)
{
  n = MIN (n, FRAMES_KEPT);
  if (n == 0)
    return 0;
  qsort (times, n, sizeof (gint64), compare_times);
  return times[MIN (n - 1, (guint) (fraction * n))] / 1000.0;
}

static void
probe_report (Probe       *probe,
              GtkListView *list_view,
              gint64       now)
{
  guint kept = probe->frames > 2 ? probe->frames - 2 : 0;

  g_print ("%s: %u rows, %u frames in %.0f ms, longest frame interval %.1f ms\n", probe->name,
           g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))),
           probe->frames, (now - probe->start) / 1000.0, probe->longest / 1000.0);
  g_print ("%s: most main-thread processor time between two frames %.1f ms\n", probe->name,
           probe->most_cpu / 1000.0);
  g_print ("%s: after the first frame, longest frame interval %.1f ms, 99th percentile %.1f ms;"
           " most processor time %.1f ms, 99th percentile %.1f ms\n", probe->name,
           percentile (probe->intervals, kept, 1.0), percentile (probe->intervals, kept, 0.99),
           percentile (probe->cpu, kept, 1.0), percentile (probe->cpu, kept, 0.99));
  g_print ("%s: resident memory at the end %u kB\n", probe->name, read_vm_rss_kb ());
}

static gboolean
probe_tick (GtkWidget     *list_view,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  Probe *probe = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  gint64 cpu = thread_cpu_us ();
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* Not laid out yet. */
  if (end <= 0)
    return G_SOURCE_CONTINUE;

  if (probe->frames == 0)
    probe->start = now;
  else
    {
      probe->longest = MAX (probe->longest, now - probe->previous);
      probe->most_cpu = MAX (probe->most_cpu, cpu - probe->previous_cpu);
      if (probe->frames > 1 && probe->frames - 2 < FRAMES_KEPT)
        {
          probe->intervals[probe->frames - 2] = now - probe->previous;
          probe->cpu[probe->frames - 2] = cpu - probe->previous_cpu;
        }
    }
  probe->previous = now;
  probe->previous_cpu = cpu;
  probe->frames++;

  if (gtk_adjustment_get_value (adjustment) < end)
    {
      gtk_adjustment_set_value (adjustment, MIN (end, gtk_adjustment_get_value (adjustment) +
                                                      gtk_adjustment_get_upper (adjustment) / STEPS));
      return G_SOURCE_CONTINUE;
    }

  probe_report (probe, GTK_LIST_VIEW (list_view), now);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

void
gk_scroll_probe_start (GtkListView *list_view,
                       const char  *name)
{
  Probe *probe = g_new0 (Probe, 1);

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  probe->name = g_strdup (name);
  gtk_widget_add_tick_callback (GTK_WIDGET (list_view), probe_tick, probe, (GDestroyNotify) probe_free);
}
