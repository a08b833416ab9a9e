/* bench-bare-list.c — the reference of the inbox's scrolling: a bare
 * GtkListView of 100 064 rows laid out as the inbox lays out a plan (a
 * title on up to two lines, a dim line of details), over strings held in
 * memory, scrolled to its end as GONGKAI_BENCH_SCROLL scrolls the inbox:
 * one step, 1/600 of the list, per frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the longest interval between two frames, the most processor time
 * the main thread spent between two frames, and the resident memory.
 * Usage: bench-bare-list [ROWS]
 */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STEPS 600

static const char * const titles[] = {
  "关于召开2025年度基层党组织书记抓基层党建工作述职评议考核会议的通知",
  "党费收缴、管理和使用情况公示",
  "中共晋中学院委员会关于发展党员工作有关情况的公示（第三批）",
  "民主评议党员结果公示",
  "关于领导班子民主生活会召开情况的通报",
};

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

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  g_autofree char *details = g_strdup_printf ("某某学院党总支 · 已公开 · 20%02u-%02u-%02u",
                                              16 + position % 10, 1 + position % 12, 1 + position % 28);

  gtk_label_set_text (GTK_LABEL (title), gtk_string_object_get_string (item));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)), details);
}

static gboolean
scroll_tick (GtkWidget     *list_view,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gint64 *times = user_data;  /* as the inbox's: see gk-inbox-page.c */
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  gint64 cpu = thread_cpu_us ();
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (end <= 0)
    return G_SOURCE_CONTINUE;

  if (times[1] > 0)
    {
      times[2] = MAX (times[2], now - times[1]);
      times[5] = MAX (times[5], cpu - times[4]);
    }
  else
    times[0] = now;
  times[1] = now;
  times[3]++;
  times[4] = cpu;

  if (gtk_adjustment_get_value (adjustment) < end)
    {
      gtk_adjustment_set_value (adjustment, MIN (end, gtk_adjustment_get_value (adjustment) +
                                                      gtk_adjustment_get_upper (adjustment) / STEPS));
      return G_SOURCE_CONTINUE;
    }

  g_print ("bare-list-scroll: %" G_GINT64_FORMAT " frames in %.0f ms, longest frame interval %.1f ms\n",
           times[3], (now - times[0]) / 1000.0, times[2] / 1000.0);
  g_print ("bare-list-scroll: most main-thread processor time between two frames %.1f ms\n", times[5] / 1000.0);
  g_print ("bare-list-scroll: resident memory at the end %u kB\n", read_vm_rss_kb ());
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  guint rows = GPOINTER_TO_UINT (user_data);
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list_view;

  for (guint i = 0; i < rows; i++)
    gtk_string_list_append (strings, titles[i % G_N_ELEMENTS (titles)]);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (strings))), factory);

  /* The inbox's list pane beside its detail pane. */
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "hexpand", TRUE, NULL));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_widget_add_tick_callback (list_view, scroll_tick, g_new0 (gint64, 6), g_free);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.gongkai.BenchBareList", G_APPLICATION_NON_UNIQUE);
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 100064;

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), GUINT_TO_POINTER (rows));
  return g_application_run (G_APPLICATION (app), 1, argv);
}
