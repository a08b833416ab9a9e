/* gk-catalog-list-window.h — a window that lists rows about a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_LIST_WINDOW (gk_catalog_list_window_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogListWindow, gk_catalog_list_window, GK, CATALOG_LIST_WINDOW, AdwWindow)

/* The item history, the differences from the filing, the checklist and the
 * import preview all show the same thing: a heading, a description and a
 * list of rows, some marked with an icon. A modal window over PARENT. */
GkCatalogListWindow *gk_catalog_list_window_new        (GtkWindow           *parent,
                                                        const char          *title,
                                                        const char          *subtitle,
                                                        const char          *description);
/* A row: TITLE (wraps), SUBTITLE (nullable); ICON_NAME (nullable) before
 * them, with ICON_LABEL as its accessible text. The row's accessible name
 * is the title. */
void                 gk_catalog_list_window_add_row    (GkCatalogListWindow *self,
                                                        const char          *icon_name,
                                                        const char          *icon_label,
                                                        const char          *title,
                                                        const char          *subtitle);
/* A suggested button at the end of the header bar; the window closes
 * after CALLBACK runs. */
void                 gk_catalog_list_window_add_action (GkCatalogListWindow *self,
                                                        const char          *label,
                                                        GCallback            callback,
                                                        gpointer             user_data);

G_END_DECLS
