/* gk-person-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gi18n.h>

#include "core/gk-catalog.h"
#include "core/gk-choices.h"
#include "core/gk-directory.h"
#include "people/gk-add-person-dialog.h"
#include "gk-write-job.h"
#include "gk-person-chooser.h"

struct _GkPersonChooser
{
  AdwWindow       parent_instance;

  GkDatabase     *db;
  gint64          current_id;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *list_box;
  GtkButton      *choose_button;
  GtkWidget      *intro_label;
  GtkWidget      *first_manager_button;
  AdwStatusPage  *empty_page;
  GtkWidget      *empty_button;
};

G_DEFINE_FINAL_TYPE (GkPersonChooser, gk_person_chooser, ADW_TYPE_WINDOW)

enum {
  PERSON_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A new database has no one who may add people: the first person adds
 * themselves as party office (gk_directory_add_first_manager()). */
static void
gk_person_chooser_offer_first_manager (GkPersonChooser *self,
                                       guint            n_people)
{
  gboolean read_only = gk_database_is_read_only (self->db);
  gboolean offer = !read_only && !gk_directory_has_manager (self->db);

  gtk_stack_set_visible_child_name (self->stack, n_people > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), n_people > 0);
  gtk_widget_set_visible (self->intro_label, n_people > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->choose_button), n_people > 0);
  gtk_widget_set_visible (self->first_manager_button, offer && n_people > 0);
  gtk_widget_set_visible (self->empty_button, offer);
  if (n_people == 0 && read_only)
    adw_status_page_set_description (self->empty_page,
                                     _("This database has no people yet, and it is open read-only: open it where it can be changed to add yourself."));
  else if (n_people == 0 && !offer)
    adw_status_page_set_description (self->empty_page,
                                     _("No one active is listed here. Ask party office to add you."));
}

static gboolean
gk_person_chooser_fill (GkPersonChooser *self,
                        GError         **error)
{
  g_autoptr(GPtrArray) people = gk_choices_people (self->db, error);
  GtkListBoxRow *current_row = NULL;
  GtkWidget *child;

  if (people == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

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
  gk_person_chooser_offer_first_manager (self, people->len);
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

/* ---- The first person ---- */

typedef struct
{
  char   *name;
  char   *title;
  char   *login;
  gint64  organization_id;
  gint64  id;  /* once written */
} FirstManager;

static void
first_manager_free (FirstManager *first)
{
  g_free (first->name);
  g_free (first->title);
  g_free (first->login);
  g_free (first);
}

static gboolean
first_manager_write (GkDatabase  *db,
                     gpointer     data,
                     GError     **error)
{
  FirstManager *first = data;

  first->id = gk_directory_add_first_manager (db, first->name, first->title, first->login,
                                              first->organization_id, error);
  return first->id > 0;
}

static void
on_first_manager_written (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (source), GK_TYPE_PERSON_CHOOSER);
  FirstManager *first = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;
  GkPersonChooser *self;

  if (window == NULL)
    return;
  self = GK_PERSON_CHOOSER (window);
  if (!gk_write_job_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      /* Someone may have been added meanwhile, on another desktop. */
      g_clear_error (&error);
      if (!gk_person_chooser_fill (self, &error))
        g_warning ("Listing the people failed: %s", error->message);
      return;
    }
  g_signal_emit (self, signals[PERSON_CHOSEN], 0, first->id, first->name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_first_manager_response (GkAddPersonDialog *dialog,
                           const char        *response,
                           GkPersonChooser   *self)
{
  FirstManager *first;

  if (g_strcmp0 (response, "add") != 0)
    return;

  first = g_new0 (FirstManager, 1);
  first->name = gk_add_person_dialog_get_name (dialog);
  first->title = gk_add_person_dialog_get_title (dialog);
  first->login = gk_add_person_dialog_get_login (dialog);
  first->organization_id = gk_add_person_dialog_get_organization (dialog);
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), self->db, _("Adding you…"),
                    first_manager_write, first, (GDestroyNotify) first_manager_free,
                    on_first_manager_written, NULL);
}

static void
on_first_manager_clicked (GkPersonChooser *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organizations = gk_catalog_list_organizations (self->db, &error);
  GkAddPersonDialog *dialog;

  if (organizations == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  dialog = gk_add_person_dialog_new (GTK_WINDOW (self), _("Add Yourself as Party Office"),
                                     _("You will be able to add the others and give them roles under People in the main menu. Party office belongs to the organization you choose."),
                                     organizations);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_first_manager_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_person_chooser_dispose (GObject *object)
{
  GkPersonChooser *self = GK_PERSON_CHOOSER (object);

  /* Disposing the list unselects its row: not a choice. */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
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
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, intro_label);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, first_manager_button);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, empty_button);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, GkPersonChooser, choose_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_first_manager_clicked);

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
