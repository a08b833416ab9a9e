/* gk-catalog-list-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-catalog-list-window.h"

struct _GkCatalogListWindow
{
  AdwWindow       parent_instance;

  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkLabel       *description_label;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (GkCatalogListWindow, gk_catalog_list_window, ADW_TYPE_WINDOW)

static void
gk_catalog_list_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_CATALOG_LIST_WINDOW);

  G_OBJECT_CLASS (gk_catalog_list_window_parent_class)->dispose (object);
}

static void
gk_catalog_list_window_class_init (GkCatalogListWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_list_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-list-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogListWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogListWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogListWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogListWindow, list_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_catalog_list_window_init (GkCatalogListWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkCatalogListWindow *
gk_catalog_list_window_new (GtkWindow  *parent,
                            const char *title,
                            const char *subtitle,
                            const char *description)
{
  GkCatalogListWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (GK_TYPE_CATALOG_LIST_WINDOW, "transient-for", parent, "title", title, NULL);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return self;
}

void
gk_catalog_list_window_add_row (GkCatalogListWindow *self,
                                const char          *icon_name,
                                const char          *icon_label,
                                const char          *title,
                                const char          *subtitle)
{
  GtkWidget *row;

  g_return_if_fail (GK_IS_CATALOG_LIST_WINDOW (self));
  g_return_if_fail (title != NULL);

  row = adw_action_row_new ();
  /* Titles are catalog text (and markup would eat its < and &). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, icon_label != NULL ? icon_label : "", -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_append (self->list_box, row);
}

typedef struct
{
  GCallback callback;
  gpointer  user_data;
} Action;

static void
on_action_clicked (GtkButton *button,
                   Action    *action)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (button), GK_TYPE_CATALOG_LIST_WINDOW);

  ((void (*) (gpointer)) action->callback) (action->user_data);
  gtk_window_destroy (GTK_WINDOW (window));
}

void
gk_catalog_list_window_add_action (GkCatalogListWindow *self,
                                   const char          *label,
                                   GCallback            callback,
                                   gpointer             user_data)
{
  GtkWidget *button;
  Action *action;

  g_return_if_fail (GK_IS_CATALOG_LIST_WINDOW (self));

  action = g_new0 (Action, 1);
  action->callback = callback;
  action->user_data = user_data;
  button = gtk_button_new_with_mnemonic (label);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_action_clicked), action,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_header_bar_pack_end (self->header_bar, button);
}
