/* gk-batch-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-choices.h"
#include "core/gk-dates.h"
#include "core/gk-notices.h"
#include "pdf/gk-batch-export.h"
#include "gk-batch-export-dialog.h"

struct _GkBatchExportDialog
{
  AdwWindow        parent_instance;

  GkDatabase      *db;
  GPtrArray       *organizations;   /* GkChoice; the combo's row 0 is "all" */
  GArray          *ids;             /* what Export exports: the count shown */
  GCancellable    *query_cancellable;  /* while the notices are listed */
  GCancellable    *cancellable;     /* while an export runs */
  GFile           *destination;     /* the combined PDF or the folder */
  GFile           *folder;          /* what Open Folder opens */
  gboolean         filling;
  gboolean         close_when_done;

  GtkButton       *export_button;
  GtkStack        *stack;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  GtkMenuButton   *from_button;
  GtkMenuButton   *to_button;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  GtkSwitch       *approved_switch;
  GtkSwitch       *published_switch;
  AdwComboRow     *organization_row;
  GtkCheckButton  *combined_check;
  GtkLabel        *found_label;
  AdwStatusPage   *progress_status;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *result_status;
  GtkButton       *open_button;
};

G_DEFINE_FINAL_TYPE (GkBatchExportDialog, gk_batch_export_dialog, ADW_TYPE_WINDOW)

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gint64
selected_organization (GkBatchExportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->organization_row);

  if (self->organizations == NULL || position == 0 || position > self->organizations->len)
    return 0;
  return ((GkChoice *) g_ptr_array_index (self->organizations, position - 1))->id;
}

static void
mark_date (AdwEntryRow *row,
           gboolean     valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* "No approved or published notices between …": the sentence for the
 * states chosen. */
static char *
nothing_found (GkBatchExportDialog *self)
{
  const char *from = row_text (self->from_row);
  const char *to = row_text (self->to_row);

  if (!gtk_switch_get_active (self->published_switch))
    /* Translators: the dates are YYYY-MM-DD */
    return g_strdup_printf (_("No approved notices between %s and %s"), from, to);
  if (!gtk_switch_get_active (self->approved_switch))
    /* Translators: the dates are YYYY-MM-DD */
    return g_strdup_printf (_("No published notices between %s and %s"), from, to);
  /* Translators: the dates are YYYY-MM-DD */
  return g_strdup_printf (_("No approved or published notices between %s and %s"), from, to);
}

/* The notices of a range, listed in a thread through a connection of its
 * own: over years of a large file that takes seconds. */
typedef struct
{
  char   *path;
  char   *from;
  char   *to;
  GStrv   states;
  gint64  organization_id;
} Query;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_free (query->from);
  g_free (query->to);
  g_strfreev (query->states);
  g_free (query);
}

static void
list_notices (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDatabase) db = gk_database_open_full (query->path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  GArray *ids = NULL;

  if (db != NULL)
    ids = gk_notices_list_for_export (db, query->from, query->to, (const char * const *) query->states,
                                      query->organization_id, &error);
  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GkBatchExportDialog *self = GK_BATCH_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *message = NULL;

  /* A newer query replaced this one, or the window is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->query_cancellable);

  if (ids == NULL)
    message = g_strdup (error->message);
  else if (ids->len == 0)
    message = nothing_found (self);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u notice to export", "%u notices to export", ids->len),
                               ids->len);
  self->ids = g_steal_pointer (&ids);
  gtk_label_set_text (self->found_label, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->ids != NULL && self->ids->len > 0);
}

/* Lists the notices the form describes and says how many there are; Export
 * is only possible when there are some. */
static void
gk_batch_export_dialog_update (GkBatchExportDialog *self)
{
  const char *from = row_text (self->from_row);
  const char *to = row_text (self->to_row);
  gboolean from_ok = gk_date_parse (from, &(GDate) { 0 }, NULL);
  gboolean to_ok = gk_date_parse (to, &(GDate) { 0 }, NULL);
  const char *states[3] = { NULL };
  const char *problem = NULL;
  g_autoptr(GTask) task = NULL;
  guint n_states = 0;
  Query *query;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_pointer (&self->ids, g_array_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  mark_date (self->from_row, from_ok);
  mark_date (self->to_row, to_ok);
  if (gtk_switch_get_active (self->approved_switch))
    states[n_states++] = "approved";
  if (gtk_switch_get_active (self->published_switch))
    states[n_states++] = "published";

  if (!from_ok || !to_ok)
    problem = _("Enter both dates as YYYY-MM-DD.");
  else if (strcmp (from, to) > 0)
    problem = _("The first date is after the last one.");
  else if (n_states == 0)
    problem = _("Choose approved notices, published notices or both.");
  if (problem != NULL)
    {
      gtk_label_set_text (self->found_label, problem);
      return;
    }

  gtk_label_set_text (self->found_label, _("Looking for notices…"));
  query = g_new0 (Query, 1);
  query->path = g_strdup (gk_database_get_path (self->db));
  query->from = g_strdup (from);
  query->to = g_strdup (to);
  query->states = g_strdupv ((char **) states);
  query->organization_id = selected_organization (self);
  self->query_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->query_cancellable, on_listed, NULL);
  g_task_set_source_tag (task, gk_batch_export_dialog_update);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, list_notices);
}

static void
on_query_changed (GkBatchExportDialog *self)
{
  if (!self->filling)
    gk_batch_export_dialog_update (self);
}

/* The calendar opens on the date of its row, or on today. */
static void
calendar_show_date (GkBatchExportDialog *self,
                    GtkCalendar         *calendar,
                    AdwEntryRow         *row)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (gk_date_parse (row_text (row), &date, NULL))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                 0, 0, 0);
  else
    day = g_date_time_new_now_local ();

  self->filling = TRUE;
  gtk_calendar_select_day (calendar, day);
  self->filling = FALSE;
}

static void
calendar_take_date (GkBatchExportDialog *self,
                    GtkCalendar         *calendar,
                    AdwEntryRow         *row,
                    GtkMenuButton       *button)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->filling)
    return;

  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_popdown (button);
}

static void
on_from_calendar_shown (GkBatchExportDialog *self)
{
  calendar_show_date (self, self->from_calendar, self->from_row);
}

static void
on_to_calendar_shown (GkBatchExportDialog *self)
{
  calendar_show_date (self, self->to_calendar, self->to_row);
}

static void
on_from_day_selected (GkBatchExportDialog *self)
{
  calendar_take_date (self, self->from_calendar, self->from_row, self->from_button);
}

static void
on_to_day_selected (GkBatchExportDialog *self)
{
  calendar_take_date (self, self->to_calendar, self->to_row, self->to_button);
}

static void
set_progress (GkBatchExportDialog *self,
              guint                done,
              guint                total)
{
  /* Translators: progress of an export, e.g. "12 of 340" */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  GkBatchExportDialog *self = user_data;

  /* Calls still queued when the export ended are late. */
  if (self->cancellable != NULL)
    set_progress (self, done, total);
}

static void
show_result (GkBatchExportDialog *self,
             const char          *icon,
             const char          *title,
             const char          *description,
             gboolean             can_open)
{
  adw_status_page_set_icon_name (self->result_status, icon);
  adw_status_page_set_title (self->result_status, title);
  adw_status_page_set_description (self->result_status, description);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), can_open);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

/* What the user reads once the export is over: how many notices were
 * written where, or why not. */
static void
gk_batch_export_dialog_finished (GkBatchExportDialog *self,
                                 const char          *place,
                                 gboolean             combined,
                                 guint                written,
                                 const GError        *error)
{
  guint total = self->ids->len;
  g_autofree char *description = NULL;

  if (error == NULL)
    {
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u notice exported to %s.",
                                                  "%u notices exported to %s.", written),
                                     written, place);
      show_result (self, "object-select-symbolic", _("Export Complete"), description, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && combined)
    {
      description = g_strdup (_("Nothing was written: the combined PDF is only saved once it is complete."));
      show_result (self, "process-stop-symbolic", _("Export Cancelled"), description, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: "12 of 340 notices were written to FOLDER before …" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u of %u notices was written to %s before the export was cancelled.",
                                                  "%u of %u notices were written to %s before the export was cancelled.",
                                                  written),
                                     written, total, place);
      show_result (self, "process-stop-symbolic", _("Export Cancelled"), description, written > 0);
    }
  else
    {
      g_autofree char *count = NULL;

      if (written > 0)
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u notices was written to %s before the error.",
                                              "%u of %u notices were written to %s before the error.",
                                              written),
                                 written, total, place);
      description = count != NULL ? g_strdup_printf ("%s\n\n%s", error->message, count) : g_strdup (error->message);
      show_result (self, "dialog-error-symbolic", _("Export Failed"), description, written > 0);
    }
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GkBatchExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  guint written = 0;
  gboolean combined;

  gk_batch_export_finish (result, &written, &error);
  g_clear_object (&self->cancellable);
  /* Closed during the export, or destroyed with the application. */
  if (self->close_when_done || self->stack == NULL)
    {
      if (self->stack != NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  combined = gtk_check_button_get_active (self->combined_check);
  place = g_file_get_parse_name (self->destination);
  gk_batch_export_dialog_finished (self, place, combined, written, error);
}

static void
gk_batch_export_dialog_start (GkBatchExportDialog *self,
                              GFile               *destination)
{
  gboolean combined = gtk_check_button_get_active (self->combined_check);
  g_autofree char *path = g_file_get_path (destination);
  g_autofree char *place = g_file_get_parse_name (destination);
  /* Translators: %s is the file or folder the notices are exported to */
  g_autofree char *description = g_strdup_printf (_("To %s"), place);

  g_return_if_fail (path != NULL);

  g_set_object (&self->destination, destination);
  g_clear_object (&self->folder);
  self->folder = combined ? g_file_get_parent (destination) : g_object_ref (destination);

  self->cancellable = g_cancellable_new ();
  adw_status_page_set_description (self->progress_status, description);
  set_progress (self, 0, self->ids->len);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  gk_batch_export_async (gk_database_get_path (self->db), self->ids,
                         combined ? NULL : path, combined ? path : NULL,
                         MAX (1, g_get_num_processors ()), self->cancellable,
                         on_progress, g_object_ref (self), g_object_unref,
                         on_exported, g_object_ref (self));
}

static void
on_destination_chosen (GtkNativeDialog     *chooser,
                       int                  response,
                       GkBatchExportDialog *self)
{
  g_autoptr(GFile) destination = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (destination == NULL || self->ids == NULL || self->ids->len == 0)
    return;
  if (!g_file_is_native (destination))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Notices"),
                                                  _("Choose a place on this computer or on a mounted share."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gk_batch_export_dialog_start (self, destination);
}

static void
on_export_clicked (GkBatchExportDialog *self)
{
  gboolean combined = gtk_check_button_get_active (self->combined_check);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (combined ? _("Save the Notices as One PDF") : _("Choose a Folder for the Notices"),
                                         GTK_WINDOW (self),
                                         combined ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         combined ? _("_Save") : _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (combined)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      /* Translators: the file name suggested for the combined PDF; the dates are YYYY-MM-DD */
      g_autofree char *name = g_strdup_printf (_("Notices %s to %s.pdf"), row_text (self->from_row),
                                               row_text (self->to_row));

      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_destination_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_cancel_clicked (GkBatchExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_folder_shown (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (source), _("Could Not Open the Folder"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_open_clicked (GkBatchExportDialog *self)
{
  g_autofree char *uri = g_file_get_uri (self->folder);

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, on_folder_shown, NULL);
}

/* Closing while the export runs cancels it; the window goes once the
 * worker has stopped, so that nothing is left half written. */
static gboolean
gk_batch_export_dialog_close_request (GtkWindow *window)
{
  GkBatchExportDialog *self = GK_BATCH_EXPORT_DIALOG (window);

  if (self->cancellable == NULL)
    return GTK_WINDOW_CLASS (gk_batch_export_dialog_parent_class)->close_request (window);

  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

static void
gk_batch_export_dialog_dispose (GObject *object)
{
  GkBatchExportDialog *self = GK_BATCH_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_BATCH_EXPORT_DIALOG);
  g_clear_object (&self->db);
  g_clear_object (&self->destination);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (gk_batch_export_dialog_parent_class)->dispose (object);
}

static void
gk_batch_export_dialog_finalize (GObject *object)
{
  GkBatchExportDialog *self = GK_BATCH_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gk_batch_export_dialog_parent_class)->finalize (object);
}

static void
gk_batch_export_dialog_class_init (GkBatchExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_batch_export_dialog_dispose;
  object_class->finalize = gk_batch_export_dialog_finalize;
  window_class->close_request = gk_batch_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/preview/gk-batch-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, approved_switch);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, published_switch);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, combined_check);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, found_label);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, progress_status);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, result_status);
  gtk_widget_class_bind_template_child (widget_class, GkBatchExportDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_from_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_to_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_from_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_to_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_batch_export_dialog_init (GkBatchExportDialog *self)
{
  /* The template's signals fire while it is built: nothing to list yet. */
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Every organization, after "all of them". */
static void
gk_batch_export_dialog_fill_organizations (GkBatchExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All organizations"));
  self->organizations = gk_catalog_list_organizations (self->db, NULL);
  for (guint i = 0; self->organizations != NULL && i < self->organizations->len; i++)
    gtk_string_list_append (names, ((GkChoice *) g_ptr_array_index (self->organizations, i))->name);
  adw_combo_row_set_model (self->organization_row, G_LIST_MODEL (names));
}

GtkWidget *
gk_batch_export_dialog_new (GtkWindow  *parent,
                            GkDatabase *db)
{
  GkBatchExportDialog *self;
  g_autofree char *today = gk_date_today_iso ();
  g_autofree char *new_year = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_BATCH_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  gk_batch_export_dialog_fill_organizations (self);

  /* This year so far. */
  new_year = g_strdup_printf ("%.4s-01-01", today);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), new_year);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), today);
  self->filling = FALSE;
  gk_batch_export_dialog_update (self);
  return GTK_WIDGET (self);
}
