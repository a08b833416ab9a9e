/* gk-catalog-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "core/gk-catalog-csv.h"
#include "gk-catalog-history.h"
#include "gk-catalog-import-dialog.h"
#include "gk-catalog-list-window.h"

typedef struct
{
  GtkWindow       *parent;
  GkDatabase      *db;
  gint64           catalog_id;
  gint64           person_id;
  void           (*applied) (gpointer user_data);
  GObject         *user_data;
  GkCatalogImport *import;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->db);
  g_clear_object (&job->user_data);
  g_clear_pointer (&job->import, gk_catalog_import_free);
  g_free (job);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_apply (ImportJob *job)
{
  g_autoptr(GError) error = NULL;

  if (!gk_catalog_import_apply (job->import, job->person_id, &error))
    {
      show_message (job->parent, _("Could Not Import the File"), error->message);
      return;
    }
  job->applied (job->user_data);
}

static void
add_change_row (GkCatalogListWindow *window,
                GkCatalogDiff       *diff)
{
  g_autofree char *title = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *subtitle = NULL;

  switch (diff->kind)
    {
    case GK_CATALOG_DIFF_ADDED:
      title = g_strdup_printf (_("Item %u will be added"), diff->number);
      gk_catalog_list_window_add_row (window, "list-add-symbolic", _("Added"), title, diff->new_value);
      break;
    case GK_CATALOG_DIFF_REMOVED:
      title = g_strdup_printf (_("Item %u will be retired"), diff->number);
      gk_catalog_list_window_add_row (window, "list-remove-symbolic", _("Retired"), title, diff->old_value);
      break;
    case GK_CATALOG_DIFF_CHANGED:
    default:
      old_value = gk_catalog_history_value (diff->field, diff->old_value);
      new_value = gk_catalog_history_value (diff->field, diff->new_value);
      title = g_strdup_printf (_("Item %u: %s"), diff->number, gk_catalog_history_field_label (diff->field));
      subtitle = g_strdup_printf ("%s → %s", old_value, new_value);
      gk_catalog_list_window_add_row (window, "document-edit-symbolic", _("Changed"), title, subtitle);
      break;
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  GkCatalogListWindow *window;
  GPtrArray *problems, *changes;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) ||
      (job->import = gk_catalog_import_prepare (job->db, job->catalog_id, contents, length, &error)) == NULL)
    {
      show_message (job->parent, _("Could Not Read the File"), error->message);
      import_job_free (job);
      return;
    }

  problems = gk_catalog_import_get_problems (job->import);
  changes = gk_catalog_import_get_changes (job->import);
  if (problems->len == 0 && changes->len == 0)
    {
      show_message (job->parent, _("Nothing to Import"), _("The file matches the catalog as it is."));
      import_job_free (job);
      return;
    }

  if (problems->len > 0)
    {
      window = gk_catalog_list_window_new (job->parent, _("The File Cannot Be Imported"), name,
                                           _("Nothing was changed. Correct these lines and import the file again."));
      for (guint i = 0; i < problems->len; i++)
        {
          GkCatalogImportProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

          gk_catalog_list_window_add_row (window, "dialog-error-symbolic", _("Problem"), line, problem->message);
        }
      import_job_free (job);
    }
  else
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Importing makes %u change, each kept in the item's history with the reason “import”.",
                                      "Importing makes %u changes, each kept in the item's history with the reason “import”.",
                                      changes->len),
                         changes->len);

      window = gk_catalog_list_window_new (job->parent, _("Import Preview"), name, description);
      for (guint i = 0; i < changes->len; i++)
        add_change_row (window, g_ptr_array_index (changes, i));
      gk_catalog_list_window_add_action (window, _("_Apply"), G_CALLBACK (on_apply), job);
      g_object_set_data_full (G_OBJECT (window), "gk-import-job", job, (GDestroyNotify) import_job_free);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                ImportJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    {
      import_job_free (job);
      return;
    }
  g_file_load_contents_async (file, NULL, on_loaded, job);
}

void
gk_catalog_import_dialog_run (GtkWindow  *parent,
                              GkDatabase *db,
                              gint64      catalog_id,
                              gint64      person_id,
                              void      (*applied) (gpointer user_data),
                              gpointer    user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ImportJob *job;

  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (G_IS_OBJECT (user_data));

  job = g_new0 (ImportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->db = g_object_ref (db);
  job->catalog_id = catalog_id;
  job->person_id = person_id;
  job->applied = applied;
  job->user_data = g_object_ref (user_data);

  chooser = gtk_file_chooser_native_new (_("Import a Catalog"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
