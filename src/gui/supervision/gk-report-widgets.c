/* gk-report-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "pdf/gk-report-print.h"
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
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (table->columns[c]);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), numeric[c] ? 1 : 0);
      gtk_widget_set_hexpand (label, c == 0);
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  for (guint r = 0; table->rows != NULL && r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < n_columns && cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), numeric[c] ? 1 : 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_grid_attach (GTK_GRID (grid), label, c, r + 1, 1, 1);
        }
    }
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

/* Exported */

typedef struct
{
  GkReport        *report;
  GFile           *file;
  gboolean         as_pdf;
  GtkWidget       *parent;   /* weak */
  AdwToastOverlay *toasts;   /* weak */
} Export;

static void
export_free (Export *export)
{
  g_clear_pointer (&export->report, gk_report_free);
  g_clear_object (&export->file);
  g_clear_weak_pointer (&export->parent);
  g_clear_weak_pointer (&export->toasts);
  g_free (export);
}

static void
export_failed (Export       *export,
               const GError *error)
{
  GtkRoot *root = export->parent != NULL ? gtk_widget_get_root (export->parent) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Export the Report"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done (Export     *export,
             const char *message)
{
  if (export->toasts != NULL)
    adw_toast_overlay_add_toast (export->toasts, adw_toast_new (message));
}

static void
render_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = gk_report_print_pdf (export->report, &error);
  if (bytes == NULL
      || !g_file_replace_contents (export->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                   cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_pdf_rendered (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    export_failed (export, error);
  else
    export_done (export, _("Report exported as PDF"));
}

static void
write_csv (Export *export)
{
  g_autofree char *csv = gk_report_to_csv (export->report);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents (export->file, csv, strlen (csv), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    export_failed (export, error);
  else
    export_done (export, _("Report exported as CSV"));
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

  if (!export->as_pdf)
    {
      write_csv (export);
      export_free (export);
      return;
    }

  /* Computed on the thread that owns the connection; rendered on a worker. */
  task = g_task_new (NULL, NULL, on_pdf_rendered, NULL);
  g_task_set_source_tag (task, gk_report_widgets_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, render_pdf_thread);
  export_done (export, _("Rendering the report…"));
}

void
gk_report_widgets_export (GtkWidget       *parent,
                          AdwToastOverlay *toasts,
                          GkReport        *report,
                          const char      *name,
                          gboolean         as_pdf)
{
  Export *export;
  GtkFileChooserNative *native;
  GtkRoot *root;
  g_autofree char *file_name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (report != NULL);

  export = g_new0 (Export, 1);
  export->report = report;
  export->as_pdf = as_pdf;
  g_set_weak_pointer (&export->parent, parent);
  g_set_weak_pointer (&export->toasts, toasts);

  root = gtk_widget_get_root (parent);
  native = gtk_file_chooser_native_new (as_pdf ? _("Export Report as PDF") : _("Export Report as CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  file_name = g_strconcat (name, as_pdf ? ".pdf" : ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
