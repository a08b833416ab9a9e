/* gk-report-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "pdf/gk-report-print.h"
#include "gk-form.h"
#include "gk-report-widgets.h"

/* On screen */

static void
add_figure (GtkWidget  *group,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_count (GtkWidget  *group,
           const char *title,
           guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  add_figure (group, title, text);
}

static void
add_days (GtkWidget  *group,
          const char *title,
          double      value)
{
  g_autofree char *text = gk_report_format_days (value);

  add_figure (group, title, text);
}

static GtkWidget *
figures_group (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

/* Whether every cell of COLUMN is a number (a count, days, a share):
 * numbers line up on the right, words on the left. */
static gboolean
column_is_numeric (const GkReportTable *table,
                   guint                column)
{
  for (guint r = 0; table->rows != NULL && r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      for (const char *p = cells[column]; p != NULL && *p != '\0'; p++)
        if (!g_ascii_isdigit (*p) && *p != '.' && *p != '%' && *p != '-')
          return FALSE;
    }
  return TRUE;
}

/* One row of a table: its column titles (HEADING) or its cells, numbers
 * on the right. */
static void
attach_row (GtkGrid            *grid,
            guint               row,
            const char * const *cells,
            guint               n_columns,
            const gboolean     *numeric,
            gboolean            heading)
{
  for (guint c = 0; c < n_columns && cells[c] != NULL; c++)
    {
      GtkWidget *label = gtk_label_new (cells[c]);

      gtk_label_set_xalign (GTK_LABEL (label), numeric[c] ? 1 : 0);
      if (heading)
        {
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_hexpand (label, c == 0);
        }
      else
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
        }
      gtk_grid_attach (grid, label, c, row, 1, 1);
    }
}

static GtkWidget *
report_table_widget (const GkReportTable *table)
{
  GtkWidget *group = figures_group (table->title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid = gtk_grid_new ();
  guint n_columns = table->columns != NULL ? g_strv_length (table->columns) : 0;
  g_autofree gboolean *numeric = g_new0 (gboolean, MAX (n_columns, 1));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  for (guint c = 0; c < n_columns; c++)
    numeric[c] = c > 0 && column_is_numeric (table, c);
  attach_row (GTK_GRID (grid), 0, (const char * const *) table->columns, n_columns, numeric, TRUE);
  for (guint r = 0; table->rows != NULL && r < table->rows->len; r++)
    attach_row (GTK_GRID (grid), r + 1, g_ptr_array_index (table->rows, r), n_columns, numeric, FALSE);
  if (table->rows == NULL || table->rows->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("None"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, 1, MAX (n_columns, 1), 1);
    }

  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  return group;
}

void
gk_report_widgets_fill (GtkBox         *box,
                        const GkReport *report)
{
  g_autofree char *description = NULL;
  GtkWidget *group;

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (report != NULL);

  group = figures_group (_("Notices Published"));
  /* Translators: the annual report's period and organization: "2026-01-01 – 2026-12-31, 党委" */
  description = g_strdup_printf (_("%s – %s, %s"), report->from, report->to, report->organization);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  add_count (group, _("Published"), report->published);
  add_count (group, _("On time"), report->on_time);
  add_count (group, _("Late"), report->late);
  add_days (group, _("Median delay (working days)"), report->median_delay);
  gtk_box_append (box, group);

  group = figures_group (_("Obligations"));
  add_count (group, _("Met"), report->obligations_met);
  add_count (group, _("Waived"), report->obligations_waived);
  add_count (group, _("Missed"), report->obligations_missed);
  add_count (group, _("Pending"), report->obligations_pending);
  gtk_box_append (box, group);

  group = figures_group (_("Applications"));
  add_count (group, _("Received"), report->applications);
  add_count (group, _("Disclosed"), report->applications_disclosed);
  add_count (group, _("Partly disclosed"), report->applications_partial);
  add_count (group, _("Refused"), report->applications_refused);
  add_count (group, _("Open"), report->applications_open);
  add_count (group, _("Late"), report->applications_late);
  add_days (group, _("Median response (working days)"), report->median_response);
  gtk_box_append (box, group);

  group = figures_group (_("Feedback and Supervision"));
  add_count (group, _("Clarifications"), report->clarifications);
  add_count (group, _("Feedback"), report->feedback);
  add_count (group, _("Major public opinion"), report->opinions_high);
  add_count (group, _("Inspections"), report->inspections);
  add_count (group, _("Findings"), report->findings);
  add_count (group, _("Rectified"), report->rectified);
  add_count (group, _("Rectification overdue"), report->rectification_overdue);
  gtk_box_append (box, group);

  for (guint i = 0; report->tables != NULL && i < report->tables->len; i++)
    gtk_box_append (box, report_table_widget (g_ptr_array_index (report->tables, i)));
}

/* Computed on a worker */

/* The report a box shows, shared with an export under way on a worker:
 * an atomic reference-counted box holding it. */
typedef GkReport *SharedReport;

static void
shared_report_clear (SharedReport *shared)
{
  g_clear_pointer (shared, gk_report_free);
}

static void
shared_report_release (SharedReport *shared)
{
  g_atomic_rc_box_release_full (shared, (GDestroyNotify) shared_report_clear);
}

static SharedReport *
box_shared_report (GtkBox *box)
{
  return g_object_get_data (G_OBJECT (box), "gk-report");
}

typedef struct
{
  GtkBox                   *box;
  guint                     generation;
  char                     *error_title;
  GkDatabaseJobFunc         func;
  gpointer                  data;
  GDestroyNotify            data_free;
  GkReportWidgetsFillFunc   fill;
} Load;

static void
load_free (Load *load)
{
  if (load->data_free != NULL)
    load->data_free (load->data);
  g_clear_object (&load->box);
  g_free (load->error_title);
  g_free (load);
}

static guint
box_generation (GtkBox *box)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "gk-load-generation"));
}

static gboolean
load_run (GkDatabase  *db,
          gpointer     data,
          GError     **error)
{
  Load *load = data;

  return load->func (db, load->data, error);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_database_run_finish (GK_DATABASE (source), result, &error);

  /* A newer load of the box supersedes this one. */
  if (load->generation == box_generation (load->box))
    {
      gk_form_clear_box (load->box);
      if (ok)
        load->fill (load->box, load->data);
      else
        gtk_box_append (load->box, gk_form_status_page ("dialog-error-symbolic", load->error_title,
                                                        error->message));
    }
  load_free (load);
}

void
gk_report_widgets_load (GtkBox                  *box,
                        GkDatabase              *db,
                        const char              *error_title,
                        GkDatabaseJobFunc        func,
                        gpointer                 data,
                        GDestroyNotify           data_free,
                        GkReportWidgetsFillFunc  fill)
{
  Load *load;
  GtkWidget *placeholder, *spinner, *label;

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (func != NULL && fill != NULL);

  load = g_new0 (Load, 1);
  load->box = g_object_ref (box);
  load->generation = box_generation (box) + 1;
  load->error_title = g_strdup (error_title);
  load->func = func;
  load->data = data;
  load->data_free = data_free;
  load->fill = fill;
  g_object_set_data (G_OBJECT (box), "gk-load-generation", GUINT_TO_POINTER (load->generation));
  g_object_set_data (G_OBJECT (box), "gk-report", NULL);

  gk_form_clear_box (box);
  placeholder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  spinner = gtk_spinner_new ();
  label = gtk_label_new (_("Computing…"));
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_halign (placeholder, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_box_append (GTK_BOX (placeholder), spinner);
  gtk_box_append (GTK_BOX (placeholder), label);
  gtk_box_append (box, placeholder);

  gk_database_run_async (db, load_run, load, NULL, NULL, NULL, NULL, on_loaded, load);
}

typedef struct
{
  gint64    organization_id;
  int       year;      /* the annual report; 0: the summary FROM … TO */
  char     *from;
  char     *to;
  GkReport *report;
} ReportQuery;

static void
report_query_free (ReportQuery *query)
{
  g_free (query->from);
  g_free (query->to);
  g_clear_pointer (&query->report, gk_report_free);
  g_free (query);
}

static gboolean
report_query_run (GkDatabase  *db,
                  gpointer     data,
                  GError     **error)
{
  ReportQuery *query = data;

  query->report = query->year > 0
                  ? gk_report_annual (db, query->organization_id, query->year, NULL, error)
                  : gk_report_summary (db, query->organization_id, query->from, query->to, NULL, error);
  return query->report != NULL;
}

static void
report_query_fill (GtkBox   *box,
                   gpointer  data)
{
  ReportQuery *query = data;
  SharedReport *shared = g_atomic_rc_box_new0 (SharedReport);

  gk_report_widgets_fill (box, query->report);
  *shared = g_steal_pointer (&query->report);
  g_object_set_data_full (G_OBJECT (box), "gk-report", shared, (GDestroyNotify) shared_report_release);
}

const GkReport *
gk_report_widgets_get_shown (GtkBox *box)
{
  SharedReport *shared;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  shared = box_shared_report (box);
  return shared != NULL ? *shared : NULL;
}

void
gk_report_widgets_load_report (GtkBox     *box,
                               GkDatabase *db,
                               gint64      organization_id,
                               int         year,
                               const char *from,
                               const char *to,
                               const char *error_title)
{
  ReportQuery *query = g_new0 (ReportQuery, 1);

  query->organization_id = organization_id;
  query->year = year;
  query->from = g_strdup (from);
  query->to = g_strdup (to);
  gk_report_widgets_load (box, db, error_title, report_query_run, query,
                          (GDestroyNotify) report_query_free, report_query_fill);
}

/* Exported, on a worker, with Cancel */

typedef struct
{
  SharedReport    *report;
  GFile           *file;
  gboolean         as_pdf;
  GCancellable    *cancellable;
  GtkWidget       *parent;   /* weak */
  AdwToastOverlay *toasts;   /* weak */
  AdwToast        *progress;
} Export;

static void
export_dismiss_progress (Export *export)
{
  if (export->progress == NULL)
    return;
  g_signal_handlers_disconnect_by_data (export->progress, export);
  adw_toast_dismiss (export->progress);
  g_clear_object (&export->progress);
}

static void
export_free (Export *export)
{
  export_dismiss_progress (export);
  g_clear_pointer (&export->report, shared_report_release);
  g_clear_object (&export->file);
  g_clear_object (&export->cancellable);
  g_clear_weak_pointer (&export->parent);
  g_clear_weak_pointer (&export->toasts);
  g_free (export);
}

static void
export_toast (Export     *export,
              const char *message)
{
  if (export->toasts != NULL)
    adw_toast_overlay_add_toast (export->toasts, adw_toast_new (message));
}

static void
export_failed (Export       *export,
               const GError *error)
{
  GtkRoot *root = export->parent != NULL ? gtk_widget_get_root (export->parent) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Export"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rendered, then written to a temporary file beside the chosen one and
 * renamed over it (G_FILE_SET_CONTENTS_CONSISTENT): a cancelled or failed
 * export leaves the folder as it was. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autofree char *path = g_file_get_path (export->file);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The file can only be saved in a folder of this computer."));
      return;
    }
  if (export->as_pdf)
    bytes = gk_report_print_pdf (*export->report, &error);
  else
    {
      char *csv = gk_report_to_csv (*export->report);

      bytes = g_bytes_new_take (csv, strlen (csv));
    }
  if (bytes == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, &error)
      || !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  export_dismiss_progress (export);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    export_toast (export, export->as_pdf ? _("Exported as PDF") : _("Exported as CSV"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    export_toast (export, _("Export cancelled: no file was written"));
  else
    export_failed (export, error);
}

static void
on_progress_cancel (AdwToast *toast,
                    Export   *export)
{
  g_cancellable_cancel (export->cancellable);
}

/* A spinner, what is going on, and Cancel, until the export ends. */
static void
export_show_progress (Export *export)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *spinner = gtk_spinner_new ();
  const char *text = export->as_pdf ? _("Rendering the PDF…") : _("Writing the CSV file…");

  if (export->toasts == NULL)
    return;
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  export->progress = adw_toast_new (text);
  adw_toast_set_custom_title (export->progress, box);
  adw_toast_set_timeout (export->progress, 0);
  adw_toast_set_priority (export->progress, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (export->progress, _("Cancel"));
  g_signal_connect (export->progress, "button-clicked", G_CALLBACK (on_progress_cancel), export);
  adw_toast_overlay_add_toast (export->toasts, g_object_ref (export->progress));
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     Export          *export)
{
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (export->file == NULL)
    {
      export_free (export);
      return;
    }

  export->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, export->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, gk_report_widgets_export);
  /* A file renamed into place is reported as written, even if Cancel came late. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
  export_show_progress (export);
}

/* The annual report and the period summary alike: its messages name
 * neither. */
void
gk_report_widgets_export (GtkWidget       *parent,
                          AdwToastOverlay *toasts,
                          GtkBox          *box,
                          const char      *name,
                          gboolean         as_pdf)
{
  Export *export;
  GtkFileChooserNative *native;
  GtkRoot *root;
  g_autofree char *file_name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (gk_report_widgets_get_shown (box) != NULL);

  export = g_new0 (Export, 1);
  export->report = g_atomic_rc_box_acquire (box_shared_report (box));
  export->as_pdf = as_pdf;
  g_set_weak_pointer (&export->parent, parent);
  g_set_weak_pointer (&export->toasts, toasts);

  root = gtk_widget_get_root (parent);
  native = gtk_file_chooser_native_new (as_pdf ? _("Export as PDF") : _("Export as CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  file_name = g_strconcat (name, as_pdf ? ".pdf" : ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
