/* bench-bare-list.c — the reference of the inbox's scrolling: a bare
 * GtkListView of 100 064 rows laid out as the inbox lays out a plan (a
 * title on one line, a dim line of details, both GtkInscriptions), over
 * strings held in memory, scrolled to its end as GONGKAI_BENCH_SCROLL
 * scrolls the inbox (gk-scroll-probe.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the longest interval between two frames, the most processor time
 * the main thread spent between two frames, and the resident memory.
 * Usage: bench-bare-list [ROWS]
 */
#include <adwaita.h>
#include <stdlib.h>

#include "gk-scroll-probe.h"

static const char * const titles[] = {
  "关于召开2025年度基层党组织书记抓基层党建工作述职评议考核会议的通知",
  "党费收缴、管理和使用情况公示",
  "中共晋中学院委员会关于发展党员工作有关情况的公示（第三批）",
  "民主评议党员结果公示",
  "关于领导班子民主生活会召开情况的通报",
};

static GtkWidget *
inscription_new (void)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0.0);
  return inscription;
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = inscription_new ();
  GtkWidget *details = inscription_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
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

  gtk_inscription_set_text (GTK_INSCRIPTION (title), gtk_string_object_get_string (item));
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_next_sibling (title)), details);
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
  gk_scroll_probe_start (GTK_LIST_VIEW (list_view), "bare-list-scroll");
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
