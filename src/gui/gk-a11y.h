/* gk-a11y.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where GTK 4.8 and libadwaita 1.2 leave a control unnamed, name it
 * twice, or make a keyboard user press Tab through a whole list. */

void gk_a11y_init               (void);
void gk_a11y_set_name           (GtkWidget     *widget,
                                 const char    *name);
void gk_a11y_name_list_row      (GtkWidget     *cell_child,
                                 const char    *name);
void gk_a11y_name_drop_down     (GtkDropDown   *drop_down,
                                 const char    *name);
void gk_a11y_name_icon_buttons  (GtkWidget     *root,
                                 const char    *icon_name,
                                 const char    *name);
void gk_a11y_name_column_titles (GtkColumnView *view,
                                 const char    *name);
void gk_a11y_tab_out_of_list    (GtkWidget     *list,
                                 GtkWidget     *previous,
                                 GtkWidget     *next);

G_END_DECLS
