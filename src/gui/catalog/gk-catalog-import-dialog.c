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
#include "gk-write-job.h"

/* Checking the file and applying it both run on a worker (DESIGN §6), each
 * with a small window that shows how far it is and can stop it. The job
 * is shared by the stages and the windows: counted references, taken and
 * dropped on the main thread only. */
typedef struct
{
  GtkWindow       *parent;
  GkDatabase      *db;
  gint64           catalog_id;
  gint64           person_id;
  void           (*applied) (gpointer user_data);
  GObject         *user_data;
  GFile           *file;
  char            *name;
  GkCatalogImport *import;

  /* The stage under way */
  GCancellable    *cancellable;
  gboolean         applying;
  int              done;          /* atomic: set by the worker */
  int              total;         /* atomic */
  GtkWindow       *progress_window;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkWidget       *cancel_button;
  guint            tick_id;
} ImportJob;

static void
import_job_clear (ImportJob *job)
{
  g_assert (job->progress_window == NULL);
  g_clear_object (&job->parent);
  g_clear_object (&job->db);
  g_clear_object (&job->user_data);
  g_clear_object (&job->file);
  g_free (job->name);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->import, gk_catalog_import_free);
}

static ImportJob *
import_job_ref (ImportJob *job)
{
  return g_rc_box_acquire (job);
}

static void
import_job_unref (ImportJob *job)
{
  g_rc_box_release_full (job, (GDestroyNotify) import_job_clear);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_unref)

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* In the worker. */
static void
on_worker_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->total, (int) total);
  g_atomic_int_set (&job->done, (int) done);
}

static gboolean
on_progress_tick (gpointer user_data)
{
  ImportJob *job = user_data;
  guint done = (guint) g_atomic_int_get (&job->done);
  guint total = (guint) g_atomic_int_get (&job->total);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (job->progress_bar);
      return G_SOURCE_CONTINUE;
    }
  text = job->applying
    /* Translators: progress of a catalog import, e.g. “Change 3 of 45” */
    ? g_strdup_printf (_("Change %u of %u"), done, total)
    /* Translators: progress of checking a catalog file, e.g. “Line 30 of 46” */
    : g_strdup_printf (_("Line %u of %u"), done, total);
  gtk_progress_bar_set_fraction (job->progress_bar, (double) done / total);
  gtk_label_set_text (job->progress_label, text);
  return G_SOURCE_CONTINUE;
}

/* Stops the stage: the worker sees it at its next line or change, and a
 * write rolls back. The window goes when the worker has stopped. */
static void
import_job_cancel (ImportJob *job)
{
  g_cancellable_cancel (job->cancellable);
  gtk_widget_set_sensitive (job->cancel_button, FALSE);
  gtk_label_set_text (job->progress_label, _("Cancelling…"));
}

static gboolean
on_progress_close_request (GtkWindow *window,
                           ImportJob *job)
{
  import_job_cancel (job);
  return TRUE;
}

/* A window with HEADING, the file's name, a progress bar and Cancel; its
 * toast overlay is where a write waiting for another desktop says so. */
static GtkWidget *
import_job_start_stage (ImportJob  *job,
                        const char *heading,
                        gboolean    applying)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *name = gtk_label_new (job->name);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *window;

  g_assert (job->progress_window == NULL);

  g_clear_object (&job->cancellable);
  job->cancellable = g_cancellable_new ();
  job->applying = applying;
  g_atomic_int_set (&job->done, 0);
  g_atomic_int_set (&job->total, 0);

  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (import_job_cancel), job);
  gtk_widget_set_margin_top (box, 24);
  /* Room below Cancel for the toast of a write that waits for a lock. */
  gtk_widget_set_margin_bottom (box, 72);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), cancel);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), heading);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), job->parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 380, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  g_signal_connect (window, "close-request", G_CALLBACK (on_progress_close_request), job);

  job->progress_window = GTK_WINDOW (window);
  job->progress_bar = GTK_PROGRESS_BAR (bar);
  job->progress_label = GTK_LABEL (label);
  job->cancel_button = cancel;
  job->tick_id = g_timeout_add (100, on_progress_tick, job);
  on_progress_tick (job);
  gtk_window_present (GTK_WINDOW (window));
  return box;
}

static void
import_job_end_stage (ImportJob *job)
{
  g_clear_handle_id (&job->tick_id, g_source_remove);
  if (job->progress_window == NULL)
    return;
  g_signal_handlers_disconnect_by_data (job->progress_window, job);
  gtk_window_destroy (job->progress_window);
  job->progress_window = NULL;
  job->progress_bar = NULL;
  job->progress_label = NULL;
  job->cancel_button = NULL;
}

/* In the worker: the whole import in one transaction, on its connection. */
static gboolean
apply_in_worker (GkDatabase  *db,
                 gpointer     data,
                 GError     **error)
{
  ImportJob *job = data;

  /* A large import outgrows the page cache; spilling it to the file would
   * take the EXCLUSIVE lock long before the commit, and every other
   * connection, the window's own included, would wait on its reads until
   * the end. This connection is the worker's alone. */
  if (!gk_database_exec (db, "PRAGMA cache_spill = OFF", error))
    return FALSE;
  return gk_catalog_import_apply_full (job->import, db, job->person_id,
                                       on_worker_progress, job, job->cancellable, error);
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  g_autoptr(GError) error = NULL;

  import_job_end_stage (job);
  if (gk_write_job_finish (result, &error))
    job->applied (job->user_data);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (job->parent, _("Could Not Import the File"), error->message);
}

static void
on_apply (ImportJob *job)
{
  GtkWidget *where = import_job_start_stage (job, _("Importing the Catalog"), TRUE);

  /* The window's Cancel also ends a wait for another desktop's lock. */
  gk_write_job_run_full (where, job->db, _("Importing the catalog…"), job->cancellable,
                         apply_in_worker, job, NULL, on_applied, import_job_ref (job));
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

/* A list of thousands of rows would take the window seconds to build and
 * to close: the first ones say enough, and how many more there are. */
#define MAX_ROWS 200

static void
add_more_row (GkCatalogListWindow *window,
              guint                n_total)
{
  g_autofree char *title = NULL;

  if (n_total <= MAX_ROWS)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more", n_total - MAX_ROWS),
                           n_total - MAX_ROWS);
  gk_catalog_list_window_add_row (window, NULL, NULL, title, NULL);
}

/* In the worker: reading and checking the file. */
static gboolean
prepare_in_worker (GkDatabase  *db,
                   gpointer     data,
                   GError     **error)
{
  ImportJob *job = data;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (job->file, job->cancellable, &contents, &length, NULL, error))
    return FALSE;
  job->import = gk_catalog_import_prepare_full (db, job->catalog_id, contents, length,
                                                on_worker_progress, job, job->cancellable, error);
  return job->import != NULL;
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  g_autoptr(GError) error = NULL;
  const char *name = job->name;
  GkCatalogListWindow *window;
  GPtrArray *problems, *changes;

  import_job_end_stage (job);
  if (!gk_database_run_finish (GK_DATABASE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (job->parent, _("Could Not Read the File"), error->message);
      return;
    }

  problems = gk_catalog_import_get_problems (job->import);
  changes = gk_catalog_import_get_changes (job->import);
  if (problems->len == 0 && changes->len == 0)
    {
      show_message (job->parent, _("Nothing to Import"), _("The file matches the catalog as it is."));
      return;
    }

  if (problems->len > 0)
    {
      window = gk_catalog_list_window_new (job->parent, _("The File Cannot Be Imported"), name,
                                           _("Nothing was changed. Correct these lines and import the file again."));
      for (guint i = 0; i < MIN (problems->len, MAX_ROWS); i++)
        {
          GkCatalogImportProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

          gk_catalog_list_window_add_row (window, "dialog-error-symbolic", _("Problem"), line, problem->message);
        }
      add_more_row (window, problems->len);
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
      for (guint i = 0; i < MIN (changes->len, MAX_ROWS); i++)
        add_change_row (window, g_ptr_array_index (changes, i));
      add_more_row (window, changes->len);
      gk_catalog_list_window_add_action (window, _("_Apply"), G_CALLBACK (on_apply), job);
      g_object_set_data_full (G_OBJECT (window), "gk-import-job", import_job_ref (job),
                              (GDestroyNotify) import_job_unref);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(ImportJob) job = user_data;
  g_autofree char *basename = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (job->file == NULL)
    return;

  basename = g_file_get_basename (job->file);
  job->name = g_filename_display_name (basename);
  import_job_start_stage (job, _("Checking the File"), FALSE);
  gk_database_run_async (job->db, prepare_in_worker, job, NULL, NULL, NULL, job->cancellable,
                         on_prepared, import_job_ref (job));
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

  job = g_rc_box_new0 (ImportJob);
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
