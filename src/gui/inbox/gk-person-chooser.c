/* gk-person-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gi18n.h>

#include "core/gk-choices.h"
#include "core/gk-directory.h"
#include "gk-person-chooser.h"

struct _GkPersonChooser
{
  AdwWindow       parent_instance;

  GkDatabase     *db;
  gint64          current_id;

  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;
  GtkButton      *choose_button;
};

G_DEFINE_FINAL_TYPE (GkPersonChooser, gk_person_chooser, ADW_TYPE_WINDOW)

enum {
  PERSON_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
gk_person_chooser_fill (GkPersonChooser *self,
                        GError         **error)
{
  g_autoptr(GPtrArray) people = gk_choices_people (self->db, error);
  GtkListBoxRow *current_row = NULL;

  if (people == NULL)
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      GkChoice *person = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) roles = g_string_new (NULL);
      g_autofree char *subtitle = NULL;

      for (guint j = 0; person->roles[j] != NULL; j++)
        {
          g_auto(GStrv) parts = g_strsplit (person->roles[j], "@", 2);

          if (roles->len > 0)
            g_string_append (roles, _(", "));
          /* Translators: a role in an organization, e.g. "principal @ 组织部" */
          g_string_append_printf (roles, _("%s @ %s"), gk_role_describe (parts[0]), parts[1] ? parts[1] : "");
        }
      if (roles->len == 0)
        g_string_append (roles, _("No role"));

      subtitle = person->detail[0] != '\0' ? g_strdup_printf ("%s — %s", person->detail, roles->str)
                                           : g_strdup (roles->str);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "person-id", g_memdup2 (&person->id, sizeof person->id), g_free);
      g_object_set_data_full (G_OBJECT (row), "person-name", g_strdup (person->name), g_free);
      gtk_list_box_append (self->list_box, row);
      if (person->id == self->current_id)
        current_row = GTK_LIST_BOX_ROW (row);
    }

  if (current_row != NULL)
    gtk_list_box_select_row (self->list_box, current_row);
  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GkPersonChooser *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  subtitle = g_utf8_casefold (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), -1);
  return strstr (title, needle) != NULL || strstr (subtitle, needle) != NULL;
}

static void
gk_person_chooser_choose (GkPersonChooser *self,
                          GtkListBoxRow   *row)
{
  const gint64 *id;

  if (row == NULL)
    return;

  id = g_object_get_data (G_OBJECT (row), "person-id");
  g_signal_emit (self, signals[PERSON_CHOSEN], 0, *id,
                 (const char *) g_object_get_data (G_OBJECT (row), "person-name"));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_activated (GkPersonChooser *self,
                  GtkListBoxRow   *row)
{
  gk_person_chooser_choose (self, row);
}

static void
on_row_selected (GkPersonChooser *self,
                 GtkListBoxRow   *row)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), row != NULL);
}

static void
on_choose_clicked (GkPersonChooser *self)
{
  gk_person_chooser_choose (self, gtk_list_box_get_selected_row (self->list_box));
}

static void
on_search_changed (GkPersonChooser *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

/* Enter in the search chooses the first person still shown. */
static void
on_search_activate (GkPersonChooser *self)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        {
          gk_person_chooser_choose (self, row);
          break;
        }
    }
}

static void
gk_person_chooser_dispose (GObject *object)
{
  GkPersonChooser *self = GK_PERSON_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PERSON_CHOOSER);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (gk_person_chooser_parent_class)->dispose (object);
}

static void
gk_person_chooser_class_init (GkPersonChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_person_chooser_dispose;

  signals[PERSON_CHOSEN] =
    g_signal_new ("person-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/inbox/gk-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, choose_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_person_chooser_init (GkPersonChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GkPersonChooser *
gk_person_chooser_new (GtkWindow  *parent,
                       GkDatabase *db,
                       gint64      current_id)
{
  GkPersonChooser *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_PERSON_CHOOSER, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->current_id = current_id;

  if (!gk_person_chooser_fill (self, &error))
    g_warning ("Listing the people failed: %s", error->message);

  return self;
}
